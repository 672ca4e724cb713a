package org.jope.core.store.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import org.jope.core.config.InvalidationMode;

/**
 * How a process on the shared store keeps its cache in step with other processes' commits, in the configured
 * {@link InvalidationMode}. Polled, every transaction reads the log first. Pushed, the listener follows the log and
 * a read takes the cache as it is, as on the embedded store; writes still read the log first, so that they read
 * what they change as fresh as the database has it, and so do all transactions while the listener is down.
 */
public final class CacheSync implements AutoCloseable {

    private final LogFollower follower;

    private final InvalidationListener listener;

    private CacheSync(LogFollower follower, InvalidationListener listener) {
        this.follower = follower;
        this.listener = listener;
    }

    public static CacheSync polled(LogFollower follower) {
        return new CacheSync(follower, null);
    }

    public static CacheSync pushed(LogFollower follower, InvalidationListener listener) {
        return new CacheSync(follower, listener);
    }

    /** Before a transaction's first read: reads the log first unless the cache is known to follow it. */
    public void beforeTransaction(Supplier<Connection> connection, boolean writes) throws SQLException {
        if (writes || !cacheIsCurrent()) {
            follower.awaitPoll(connection);
        }
    }

    /** Whether a read may take the cache as it is: pushed invalidations are arriving. */
    public boolean cacheIsCurrent() {
        return listener != null && listener.listening();
    }

    public LogFollower follower() {
        return follower;
    }

    @Override
    public void close() {
        if (listener != null) {
            listener.close();
        }
    }

}
