package org.jope.core.store;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jope.core.store.sql.TransactionLog;

/**
 * Keeps this process's cache coherent with a store that other processes write too, as RelStorage does: before a
 * transaction reads, it asks the transaction log what others committed since the last poll and drops those objects
 * from the cache. Commit numbers are handed out under the store's commit lock, so a number seen means every lower one
 * has committed, and one number is enough to remember.
 */
final class InvalidationPoller {

    private final ObjectCache cache;

    private final TransactionLog log;

    private final String origin;

    private final long intervalNanos;

    private long lastSeen;

    private long lastPollNanos;

    private boolean polled;

    InvalidationPoller(ObjectCache cache, TransactionLog log, String origin, Duration interval, long lastSeen) {
        this.cache = cache;
        this.log = log;
        this.origin = origin;
        this.intervalNanos = interval.toNanos();
        this.lastSeen = lastSeen;
    }

    /**
     * Polls unless the last poll is more recent than the interval and {@code regardless} is false; an interval of
     * zero polls every time. Callers wait for a poll in progress, so that no transaction starts on a cache that a
     * running poll is about to clean.
     */
    synchronized void poll(Transaction transaction, boolean regardless) throws SQLException {
        long now = System.nanoTime();
        if (!regardless && polled && intervalNanos > 0 && now - lastPollNanos < intervalNanos) {
            return;
        }
        List<Long> changed = new ArrayList<>();
        lastSeen = log.changedSince(transaction.connection(), lastSeen, origin, changed::add);
        if (!changed.isEmpty()) {
            cache.invalidate(changed);
        }
        lastPollNanos = now;
        polled = true;
    }

}
