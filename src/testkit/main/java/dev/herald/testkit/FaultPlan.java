package dev.herald.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The faults a fake still has to inject, first come first served; thread-safe. */
final class FaultPlan {
    private static final class Entry {
        final Fault fault;
        int remaining; // < 0: forever

        Entry(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private int injected;

    synchronized void add(Fault fault, int times) {
        entries.add(new Entry(fault, times));
    }

    synchronized void clear() {
        entries.clear();
    }

    /** Returns the fault the request to {@code path} must suffer, or null, using up one of its count. */
    synchronized Fault next(String path) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (!e.fault.appliesTo(path)) continue;
            if (e.remaining > 0 && --e.remaining == 0) it.remove();
            injected++;
            return e.fault;
        }
        return null;
    }

    synchronized int injected() {
        return injected;
    }
}
