package dev.herald.delivery;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The db-scheduler task behind every share: one execution per share, whose instance id is the
 * share's id (its idempotency key), so the scheduler's primary key alone rules out two pending
 * executions of one share.
 */
final class ShareTask {
    /** The task's name in db-scheduler's table. */
    static final String NAME = "herald-share";
    static final TaskDescriptor<Void> DESCRIPTOR = TaskDescriptor.of(NAME);

    /** The name of the db-scheduler table Herald uses, apart from any the application has. */
    static final String TABLE = "herald_scheduled_tasks";

    private ShareTask() {}

    /** The task, running each wake-up through {@code sender}. */
    static CustomTask<Void> create(ShareSender sender) {
        return Tasks.custom(NAME, Void.class)
                // Only a database outage gets here (the sender classifies every network result):
                // try again soon, then less often.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0))
                .execute((instance, context) -> next(sender.run(instance.getId())));
    }

    /** A stand-in for processes that only schedule and never execute. */
    static CustomTask<Void> clientOnly() {
        return Tasks.custom(NAME, Void.class).execute((instance, context) -> {
            throw new IllegalStateException("this process only schedules shares; a Delivery worker sends them");
        });
    }

    private static CompletionHandler<Void> next(Optional<Instant> wakeAt) {
        if (wakeAt.isEmpty()) return new CompletionHandler.OnCompleteRemove<>();
        Instant at = wakeAt.get();
        return (complete, operations) -> operations.reschedule(complete, at);
    }
}
