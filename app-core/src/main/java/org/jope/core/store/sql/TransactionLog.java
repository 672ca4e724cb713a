package org.jope.core.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.function.LongConsumer;

/**
 * Every statement on {@code jope_txn}, the transaction log: one row a commit, with who made it, the paths it wrote,
 * and the oids whose cached snapshots it made stale, for the other processes that share the store. Commit numbers
 * are handed out under the store's commit lock, so a number seen means every lower one has committed.
 */
public final class TransactionLog {

    private final SqlDialect dialect;

    public TransactionLog(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** A new transaction id, which the objects a transaction writes take as their serial. */
    public long nextTid(Connection connection) throws SQLException {
        return dialect.nextValue(connection, "jope_tid_seq");
    }

    /**
     * Records a commit under the next commit number and returns that number; call it under the commit lock, just
     * before committing.
     */
    public long append(Connection connection, long tid, String user, Collection<String> paths,
            Collection<Long> oids, String origin) throws SQLException {
        try (PreparedStatement log = connection.prepareStatement("""
                INSERT INTO jope_txn (tid, commit_seq, committed_at, username, paths, oids, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            log.setLong(1, tid);
            long commit = dialect.nextValue(connection, "jope_commit_seq");
            log.setLong(2, commit);
            log.setTimestamp(3, Timestamp.from(Instant.now()));
            log.setString(4, user);
            log.setString(5, String.join("\n", paths));
            log.setString(6, joined(oids));
            log.setString(7, origin);
            log.executeUpdate();
            return commit;
        }
    }

    /** The highest commit number in the log, 0 for an empty log. */
    public long newestCommit(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COALESCE(MAX(commit_seq), 0) FROM jope_txn")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Hands over the oids of every commit after {@code lastSeen} that another origin made, in commit order. One
     * statement reads them with the trim horizon, so both come from one snapshot, in one round trip: a trim that
     * removed entries this reader needed shows in the horizon it returns.
     */
    public Reading changedSince(Connection connection, long lastSeen, String ownOrigin, LongConsumer changedOid)
            throws SQLException {
        long newest = lastSeen;
        long horizon = 0;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT 0 AS horizon_row, trimmed_through AS commit_seq, NULL AS origin, NULL AS oids
                FROM jope_txn_horizon
                UNION ALL
                SELECT 1, commit_seq, origin, oids FROM jope_txn WHERE commit_seq > ?
                ORDER BY 1, 2""")) {
            select.setLong(1, lastSeen);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(1) == 0) {
                        horizon = rows.getLong(2);
                        continue;
                    }
                    newest = rows.getLong(2);
                    // This process's own commits are in its cache already, newer than anything the log could say.
                    if (!ownOrigin.equals(rows.getString(3))) {
                        split(rows.getString(4), changedOid);
                    }
                }
            }
        }
        return new Reading(newest, horizon);
    }

    /**
     * What a read of the log found.
     *
     * @param newest the newest commit number read, or the one read from when there was none
     * @param trimmedThrough the highest commit number trimming has removed, 0 when it never ran
     */
    public record Reading(long newest, long trimmedThrough) {
    }

    /**
     * The highest commit number that trimming has removed from the log, 0 when it never ran: a reader that last saw
     * an older commit may have missed entries.
     */
    public long trimmedThrough(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT trimmed_through FROM jope_txn_horizon")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /**
     * Removes the entries committed before {@code cutoff} and moves the horizon past them, in the caller's
     * transaction; returns how many were removed. The horizon's row lock keeps two trimming processes in turn.
     */
    public int trim(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement horizon = connection.prepareStatement("""
                UPDATE jope_txn_horizon SET trimmed_through = GREATEST(trimmed_through,
                    COALESCE((SELECT MAX(commit_seq) FROM jope_txn WHERE committed_at < ?), 0))""");
                PreparedStatement delete = connection.prepareStatement("""
                        DELETE FROM jope_txn WHERE commit_seq <= (SELECT trimmed_through FROM jope_txn_horizon)""")) {
            horizon.setTimestamp(1, Timestamp.from(cutoff));
            horizon.executeUpdate();
            return delete.executeUpdate();
        }
    }

    private static String joined(Collection<Long> oids) {
        StringBuilder joined = new StringBuilder();
        for (long oid : oids) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            joined.append(oid);
        }
        return joined.toString();
    }

    private static void split(String oids, LongConsumer into) {
        if (oids == null || oids.isEmpty()) {
            return;
        }
        for (String oid : oids.split(",")) {
            into.accept(Long.parseLong(oid));
        }
    }

}
