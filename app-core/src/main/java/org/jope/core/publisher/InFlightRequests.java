package org.jope.core.publisher;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests the publisher is running now, by worker thread, and how many it has finished: what a stall watchdog
 * needs to tell a busy server from a hung one. A request costs one map put and one remove.
 */
public final class InFlightRequests {

    private final Map<Thread, Long> startedNanos = new ConcurrentHashMap<>();

    private final LongAdder completed = new LongAdder();

    void enter() {
        startedNanos.put(Thread.currentThread(), System.nanoTime());
    }

    void exit() {
        startedNanos.remove(Thread.currentThread());
        completed.increment();
    }

    public int count() {
        return startedNanos.size();
    }

    public long completed() {
        return completed.sum();
    }

    /** The worker that has been on its current request longest, with the System.nanoTime() it started at. */
    public Optional<Map.Entry<Thread, Long>> oldest() {
        return startedNanos.entrySet().stream().min(Map.Entry.comparingByValue())
                .map((entry) -> Map.entry(entry.getKey(), entry.getValue()));
    }

}
