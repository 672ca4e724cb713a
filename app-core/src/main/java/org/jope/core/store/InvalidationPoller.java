package org.jope.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps this process's cache coherent with a store that other processes write too, as RelStorage does: before a
 * transaction reads, it asks the transaction log what others committed since the last poll and drops those objects
 * from the cache. Commit numbers are handed out under the store's commit lock, so a number seen means every lower one
 * has committed, and one number is enough to remember.
 */
final class InvalidationPoller {

    private final ObjectCache cache;

    private final String origin;

    private final long intervalNanos;

    private long lastSeen;

    private long lastPollNanos;

    private boolean polled;

    InvalidationPoller(ObjectCache cache, String origin, Duration interval, long lastSeen) {
        this.cache = cache;
        this.origin = origin;
        this.intervalNanos = interval.toNanos();
        this.lastSeen = lastSeen;
    }

    static long newestCommit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(commit_seq), 0) FROM jope_txn")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Polls unless the last poll is more recent than the interval and {@code regardless} is false; an interval of
     * zero polls every time. Callers wait for a poll in progress, so that no transaction starts on a cache that a
     * running poll is about to clean.
     */
    synchronized void poll(Supplier<Connection> connection, boolean regardless) throws SQLException {
        long now = System.nanoTime();
        if (!regardless && polled && intervalNanos > 0 && now - lastPollNanos < intervalNanos) {
            return;
        }
        List<Long> changed = new ArrayList<>();
        try (PreparedStatement select = connection.get().prepareStatement(
                "SELECT commit_seq, origin, oids FROM jope_txn WHERE commit_seq > ? ORDER BY commit_seq")) {
            select.setLong(1, lastSeen);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lastSeen = rows.getLong("commit_seq");
                    // This process's own commits are in its cache already, newer than anything the log could say.
                    if (!origin.equals(rows.getString("origin"))) {
                        addOids(rows.getString("oids"), changed);
                    }
                }
            }
        }
        if (!changed.isEmpty()) {
            cache.invalidate(changed);
        }
        lastPollNanos = now;
        polled = true;
    }

    private static void addOids(String oids, List<Long> into) {
        if (oids == null || oids.isEmpty()) {
            return;
        }
        for (String oid : oids.split(",")) {
            into.add(Long.parseLong(oid));
        }
    }

}
