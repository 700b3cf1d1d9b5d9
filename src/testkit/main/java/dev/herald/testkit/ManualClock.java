package dev.herald.testkit;

import dev.herald.internal.Validate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that moves only when a test moves it, so rate-limit windows and token expiry can
 * be crossed without sleeping; thread-safe. Pass the same instance to the fake and to the code
 * under test.
 */
public final class ManualClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    /** A clock standing at {@code start}, in UTC. */
    public ManualClock(Instant start) {
        this(new AtomicReference<>(Validate.notNull(start, "start")), ZoneOffset.UTC);
    }

    private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at the current system time, truncated to whole seconds. */
    public static ManualClock ofNow() {
        return new ManualClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /** Moves the clock forward (or back, for a negative amount) by {@code amount}; returns the new instant. */
    public Instant advance(Duration amount) {
        Validate.notNull(amount, "amount");
        return now.updateAndGet(t -> t.plus(amount));
    }

    /** Sets the clock to {@code instant}. */
    public void set(Instant instant) {
        now.set(Validate.notNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's time (moving one moves both). */
    @Override
    public Clock withZone(ZoneId zone) {
        return new ManualClock(now, Validate.notNull(zone, "zone"));
    }
}
