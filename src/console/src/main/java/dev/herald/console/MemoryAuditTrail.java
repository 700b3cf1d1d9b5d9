package dev.herald.console;

import dev.herald.internal.Validate;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An audit trail kept in memory (the last {@code capacity} entries) and written to the log
 * {@code dev.herald.console.audit} at INFO, one line per action: for a site whose log is its record.
 */
public final class MemoryAuditTrail implements AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger("dev.herald.console.audit");

    private final Clock clock;
    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    /** Keeps the last {@code capacity} entries, timed by {@code clock}. */
    public MemoryAuditTrail(Clock clock, int capacity) {
        this.clock = Validate.notNull(clock, "clock");
        Validate.isTrue(capacity > 0, "capacity", "must be positive");
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(String actor, String action, String target, String detail) {
        Entry e = new Entry(clock.instant(), actor, action, target, detail);
        entries.addFirst(e);
        while (entries.size() > capacity) entries.removeLast();
        LOG.info("{} {} {}: {}", oneLine(actor), oneLine(action), oneLine(target), oneLine(detail));
    }

    @Override
    public synchronized List<Entry> recent(int limit) {
        List<Entry> out = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext() && out.size() < limit; ) out.add(it.next());
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
