package dev.herald.delivery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link DeliveryWorkerMain} in a separate JVM with this JVM's class path. */
final class WorkerProcess {
    private WorkerProcess() {}

    /** The environment variable that hands the webhook secret to the worker (never its command line). */
    static final String SECRET_VARIABLE = "HERALD_WORKER_WEBHOOK_SECRET";

    static Process start(Path log, String webhookSecret, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DeliveryWorkerMain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(SECRET_VARIABLE, webhookSecret);
        return builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }
}
