package dev.herald.console;

import dev.herald.internal.Validate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed sign-ins: at most {@code maxFailures} per user name and {@code 4 × maxFailures} per
 * client address within {@code window}; past that, sign-ins for that name or from that address are
 * refused (even with the right password) until the oldest failure leaves the window.
 */
public final class LoginThrottle {
    private static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    /** At most {@code maxFailures} failures per name within {@code window}, timed by {@code clock}. */
    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        Validate.isTrue(maxFailures > 0, "maxFailures", "must be positive");
        Validate.isTrue(window != null && !window.isNegative() && !window.isZero(), "window", "must be positive");
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = Validate.notNull(clock, "clock");
    }

    /** Five failures per name (twenty per address) in fifteen minutes. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(5, Duration.ofMinutes(15), clock);
    }

    /**
     * Takes a failure slot for a sign-in about to be checked, or says how long to wait: counted
     * before the password is (slowly) checked, so a burst of parallel attempts cannot all slip under
     * the limit. {@link #succeeded(String, String)} gives the slot back.
     */
    public synchronized Duration reserve(String name, String address) {
        Duration wait = wait(name, address);
        if (wait.isZero()) failed(name, address);
        return wait;
    }

    /** Forgets {@code name}'s failures and gives back the slot {@link #reserve} took for {@code address}. */
    public synchronized void succeeded(String name, String address) {
        succeeded(name);
        Deque<Instant> byAddress = failures.get("a:" + address);
        if (byAddress != null && !byAddress.isEmpty()) byAddress.removeLast();
    }

    /** How long {@code name} from {@code address} must wait before trying again; zero when it may try now. */
    public synchronized Duration wait(String name, String address) {
        Instant now = clock.instant();
        Duration byName = waitFor("n:" + name, maxFailures, now);
        Duration byAddress = waitFor("a:" + address, maxFailures * 4, now);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    /** Records a failed sign-in. */
    public synchronized void failed(String name, String address) {
        if (failures.size() > MAX_KEYS) prune(clock.instant());
        Instant now = clock.instant();
        failures.computeIfAbsent("n:" + name, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    /** Forgets the failures of {@code name} after a successful sign-in. */
    public synchronized void succeeded(String name) {
        failures.remove("n:" + name);
    }

    /** How many names and addresses have failures on record: bounded, so a flood of made-up names cannot fill memory. */
    synchronized int trackedKeys() {
        return failures.size();
    }

    private Duration waitFor(String key, int max, Instant now) {
        Deque<Instant> list = failures.get(key);
        if (list == null) return Duration.ZERO;
        synchronized (list) {
            while (!list.isEmpty() && !list.peekFirst().plus(window).isAfter(now)) list.removeFirst();
            if (list.size() < max) return Duration.ZERO;
            return Duration.between(now, list.peekFirst().plus(window));
        }
    }

    private void prune(Instant now) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            Deque<Instant> list = it.next().getValue();
            synchronized (list) {
                if (list.isEmpty() || !list.peekLast().plus(window).isAfter(now)) it.remove();
            }
        }
    }
}
