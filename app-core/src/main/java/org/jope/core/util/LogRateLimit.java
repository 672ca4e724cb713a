package org.jope.core.util;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a warning through at most once per interval, and counts the ones it held back, so that an overloaded server
 * says what is wrong without flooding its own log.
 */
public final class LogRateLimit {

    private final long intervalNanos;

    private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);

    private final AtomicLong suppressed = new AtomicLong();

    public LogRateLimit(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * True when this occurrence should be logged; then {@link #takeSuppressed()} tells how many were held back
     * since the last one.
     */
    public boolean tryAcquire() {
        long now = System.nanoTime();
        long allowed = nextAllowed.get();
        if ((allowed == Long.MIN_VALUE || now - allowed >= 0) && nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    public long takeSuppressed() {
        return suppressed.getAndSet(0);
    }

}
