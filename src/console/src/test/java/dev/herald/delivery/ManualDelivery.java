package dev.herald.delivery;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;

/**
 * Delivery driven by hand, for the console's tests. It lives in Delivery's package because the hook
 * it uses (which db-scheduler to build) is deliberately not public API: db-scheduler's types stay out
 * of Herald's signatures.
 */
public final class ManualDelivery {
    private ManualDelivery() {}

    /** Makes {@code builder} build a db-scheduler that runs only when told, on {@code clock}. */
    public static Delivery.Builder manual(Delivery.Builder builder, SettableClock clock) {
        return builder.schedulerFactory((ds, tasks) -> TestHelper.createManualScheduler(ds, tasks).clock(clock));
    }

    /** The manual scheduler of a delivery built with {@link #manual}. */
    public static ManualScheduler scheduler(Delivery delivery) {
        return (ManualScheduler) delivery.scheduler();
    }
}
