package org.jope.core.store.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.store.sql.SqlDialect;

/**
 * The connection on which PostgreSQL pushes every commit to this process, as ZEO's server pushes invalidations: a
 * daemon thread LISTENs on a connection of its own, outside the pool, and on each announcement reads the log after
 * the last commit seen. It reads on a quiet second too, which proves the connection alive and bounds what a lost
 * announcement could leave stale.
 *
 * <p>While it is not {@link #listening()}, because the connection dropped or PostgreSQL restarted, every transaction
 * polls instead. It reconnects by itself, LISTENs before it reads what it missed, and only then says it listens.
 */
public final class InvalidationListener implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(InvalidationListener.class);

    private static final int HEARTBEAT_MILLIS = 1000;

    private static final long FIRST_RETRY_MILLIS = 50;

    private static final long LAST_RETRY_MILLIS = 2000;

    private final LogFollower follower;

    private final Callable<Connection> connections;

    private final String applicationName;

    private final Thread thread;

    private volatile boolean listening;

    private volatile boolean closed;

    /**
     * @param connections opens the listening connection, a new one after each loss
     * @param applicationName what pg_stat_activity shows for it, so that an operator can find it
     */
    public InvalidationListener(LogFollower follower, Callable<Connection> connections, String applicationName) {
        this.follower = follower;
        this.connections = connections;
        this.applicationName = applicationName;
        this.thread = new Thread(this::run, "jope-invalidations");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the cache follows every commit: the connection listens and has read what it missed. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long retryMillis = FIRST_RETRY_MILLIS;
        boolean lost = false;
        while (!closed) {
            try (Connection connection = connections.call(); AutoCloseable restored = () -> restore(connection)) {
                connection.setAutoCommit(true);
                connection.setClientInfo("ApplicationName", applicationName);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + SqlDialect.COMMIT_CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                follower.catchUp(connection);
                listening = true;
                if (lost) {
                    logger.info("Listening for other processes' commits again, after reading the ones missed");
                    lost = false;
                }
                retryMillis = FIRST_RETRY_MILLIS;
                while (!closed) {
                    notifications.getNotifications(HEARTBEAT_MILLIS);
                    follower.catchUp(connection);
                }
            }
            catch (Exception ex) {
                listening = false;
                if (closed) {
                    return;
                }
                if (!lost) {
                    logger.warn("Lost the connection that listens for other processes' commits ({}); every "
                            + "transaction reads the transaction log first until it is back", ex.getMessage());
                    lost = true;
                }
                if (!pause(retryMillis)) {
                    return;
                }
                retryMillis = Math.min(retryMillis * 2, LAST_RETRY_MILLIS);
            }
        }
        listening = false;
    }

    /**
     * Leaves a connection lent by the caller's data source as its pool expects it, not auto-committing and
     * listening to nothing; a connection of the listener's own is closed right after, and a broken one cannot be.
     */
    private static void restore(Connection connection) throws SQLException {
        if (!connection.isClosed() && connection.isValid(1)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("UNLISTEN *");
            }
            connection.setAutoCommit(false);
        }
    }

    /** Waits before the next attempt to connect; false when interrupted by {@link #close()}. */
    private boolean pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        }
        catch (InterruptedException ex) {
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        thread.interrupt();
        try {
            // The thread notices within one heartbeat and closes its connection on the way out.
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
