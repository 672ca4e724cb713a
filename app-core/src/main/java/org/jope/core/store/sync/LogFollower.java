package org.jope.core.store.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.store.sql.TransactionLog;

/**
 * How far this process has read the transaction log, and the reading itself: each read drops from the cache what
 * other processes committed since the last one, as RelStorage's poll does. Commit numbers are handed out under the
 * store's commit lock, so a number seen means every lower one has committed, and one number is enough to remember.
 *
 * <p>The listening connection reads on its own thread; transactions that must not start on a stale cache wait for a
 * poll through {@link #awaitPoll}. Their polls coalesce: at most one is in flight, and a transaction that arrives
 * while one runs waits for the next one, which saw everything committed before it arrived. No lock is held across the
 * round trip, only the wait for its result.
 */
public final class LogFollower {

    private static final Logger logger = LoggerFactory.getLogger(LogFollower.class);

    private final InvalidatedCache cache;

    private final TransactionLog log;

    private final String origin;

    private long lastSeen;

    /** The horizon for which the whole cache was last dropped, so that one trim is announced once. */
    private long droppedFor;

    private long pollsStarted;

    /** The number of the latest poll that read the log to its end; polls are numbered in the order they start. */
    private long pollsDone;

    private boolean polling;

    public LogFollower(InvalidatedCache cache, TransactionLog log, String origin, long lastSeen) {
        this.cache = cache;
        this.log = log;
        this.origin = origin;
        this.lastSeen = lastSeen;
    }

    /**
     * Returns once a poll that started after this call has read the log, running it on this thread, with a connection
     * from {@code connection}, when no other poll is in flight. A thread that only waits borrows no connection.
     */
    public void awaitPoll(Supplier<Connection> connection) throws SQLException {
        long mine;
        synchronized (this) {
            long needed = pollsStarted + 1;
            while (pollsDone < needed && polling) {
                try {
                    wait();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new SQLTransientConnectionException("Interrupted while waiting for a poll of the log", ex);
                }
            }
            if (pollsDone >= needed) {
                return;
            }
            polling = true;
            mine = ++pollsStarted;
        }
        boolean done = false;
        try {
            catchUp(connection.get());
            done = true;
        }
        finally {
            synchronized (this) {
                polling = false;
                if (done) {
                    pollsDone = mine;
                }
                notifyAll();
            }
        }
    }

    /**
     * Reads the log from the last commit seen to its end and drops what others changed. If trimming removed entries
     * that this process had not read, it cannot tell what they changed, and drops the whole cache instead.
     */
    public void catchUp(Connection connection) throws SQLException {
        long from;
        synchronized (this) {
            from = lastSeen;
        }
        List<Long> changed = new ArrayList<>();
        TransactionLog.Reading read = log.changedSince(connection, from, origin, changed::add);
        long newest = read.newest();
        long horizon = read.trimmedThrough();
        synchronized (this) {
            if (horizon > from && horizon > droppedFor) {
                cache.dropAll();
                droppedFor = horizon;
                logger.warn("Dropped the whole object cache: this process last read commit {} of the transaction log, "
                        + "which is now trimmed through commit {} (jope.store.transaction-log.retention), so what "
                        + "the commits in between changed is unknown; objects are read afresh", from, horizon);
            }
            else if (!changed.isEmpty()) {
                cache.invalidate(changed);
            }
            lastSeen = Math.max(lastSeen, Math.max(newest, horizon));
        }
    }

    public synchronized long lastSeen() {
        return lastSeen;
    }

}
