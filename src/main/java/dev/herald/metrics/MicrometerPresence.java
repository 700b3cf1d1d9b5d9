package dev.herald.metrics;

/** Whether Micrometer can be loaded; keeps its classes from loading when it is absent. */
final class MicrometerPresence {
    static final HeraldMetrics GLOBAL = globalOrNone();

    private MicrometerPresence() {}

    private static HeraldMetrics globalOrNone() {
        try {
            Class.forName("io.micrometer.core.instrument.Metrics", false, MicrometerPresence.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return HeraldMetrics.NONE;
        }
        return MicrometerMetrics.global();
    }
}
