package org.jope.core.publisher;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests the publisher is running now, by worker thread, and how many it has finished: what a stall watchdog
 * needs to tell a busy server from a hung one. Each worker thread has a slot of its own, made on its first request,
 * so a request costs two writes to that slot and an increment, and allocates nothing; the readers, a few times a
 * second, walk the slots.
 */
public final class InFlightRequests {

    private static final long IDLE = Long.MIN_VALUE;

    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();

    private final ThreadLocal<Slot> ownSlot = ThreadLocal.withInitial(this::newSlot);

    private final LongAdder completed = new LongAdder();

    void enter() {
        ownSlot.get().startedNanos = System.nanoTime();
    }

    void exit() {
        ownSlot.get().startedNanos = IDLE;
        completed.increment();
    }

    public int count() {
        int count = 0;
        for (Slot slot : slots) {
            if (slot.startedNanos != IDLE) {
                count++;
            }
        }
        return count;
    }

    public long completed() {
        return completed.sum();
    }

    /** The worker that has been on its current request longest, with the System.nanoTime() it started at. */
    public Optional<Map.Entry<Thread, Long>> oldest() {
        Slot oldest = null;
        long oldestStart = IDLE;
        for (Slot slot : slots) {
            if (!slot.thread.isAlive()) {
                // A container that retires a worker leaves its slot behind; drop it rather than keep the thread.
                slots.remove(slot);
                continue;
            }
            long started = slot.startedNanos;
            if (started != IDLE && (oldest == null || started - oldestStart < 0)) {
                oldest = slot;
                oldestStart = started;
            }
        }
        return oldest == null ? Optional.empty() : Optional.of(Map.entry(oldest.thread, oldestStart));
    }

    private Slot newSlot() {
        Slot slot = new Slot(Thread.currentThread());
        slots.add(slot);
        return slot;
    }

    private static final class Slot {

        final Thread thread;

        volatile long startedNanos = IDLE;

        Slot(Thread thread) {
            this.thread = thread;
        }

    }

}
