package dev.herald.page.it;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test and a servlet running in the same JVM take turns without sleeping: the servlet
 * waits at a named gate that the test opens once it has seen what it expects.
 */
public final class Handshake {
    private static final ConcurrentHashMap<String, CountDownLatch> GATES = new ConcurrentHashMap<>();

    private Handshake() {}

    /** Opens the gate {@code id}. */
    public static void open(String id) {
        gate(id).countDown();
    }

    /**
     * Waits until the gate {@code id} is opened; gives up after a minute so that a broken filter
     * fails the test instead of hanging the build.
     */
    public static boolean await(String id) throws InterruptedException {
        return gate(id).await(60, TimeUnit.SECONDS);
    }

    private static CountDownLatch gate(String id) {
        return GATES.computeIfAbsent(id, k -> new CountDownLatch(1));
    }
}
