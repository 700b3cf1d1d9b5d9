package dev.herald.delivery;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** One hand-driven time for both Herald (a java.time Clock) and db-scheduler (its SettableClock). */
final class ManualTime extends Clock {
    final SettableClock scheduler = new SettableClock();

    ManualTime(Instant start) {
        scheduler.set(start);
    }

    void tick(Duration d) {
        scheduler.tick(d);
    }

    void set(Instant t) {
        scheduler.set(t);
    }

    @Override
    public Instant instant() {
        return scheduler.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
