package org.jope.core.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few places where the embedded and the shared store speak different SQL. */
public enum SqlDialect {

    /** One process only, so Java's locks order its commits and no database lock is needed. */
    H2("BLOB", "NEXT VALUE FOR %s", null, "com.h2database:h2"),

    /**
     * Several processes share it: a transaction-scoped advisory lock orders their commits and their schema
     * creation.
     */
    POSTGRESQL("BYTEA", "nextval('%s')", "SELECT pg_advisory_xact_lock(%d)", "org.postgresql:postgresql");

    /** The advisory lock key held while the schema is created and seeded. */
    private static final long SCHEMA_LOCK = 0x4a6f706553L;

    /** The advisory lock key held from the allocation of a commit sequence number to the commit. */
    private static final long COMMIT_LOCK = 0x4a6f7065434cL;

    /** The NOTIFY channel on which each commit is announced with its commit number. */
    public static final String COMMIT_CHANNEL = "jope_commits";

    private final String binaryType;

    private final String nextValueTemplate;

    private final String lockTemplate;

    private final String driverDependency;

    SqlDialect(String binaryType, String nextValueTemplate, String lockTemplate, String driverDependency) {
        this.binaryType = binaryType;
        this.nextValueTemplate = nextValueTemplate;
        this.lockTemplate = lockTemplate;
        this.driverDependency = driverDependency;
    }

    /** The Maven dependency of the JDBC driver, as group:artifact. */
    public String driverDependency() {
        return driverDependency;
    }

    /**
     * Takes the lock that orders commits across processes, held until the transaction ends. Taken after every row
     * lock of the transaction, so that it can never wait on a writer that waits for it. The embedded store needs
     * none: one process orders its commits with a Java lock.
     */
    public void lockCommits(Connection connection) throws SQLException {
        lock(connection, COMMIT_LOCK);
    }

    /**
     * Announces a commit to the other processes' listeners, inside the committing transaction, so that only
     * committed work is announced, and in commit order; the embedded store has nobody to tell.
     */
    public void announceCommit(Connection connection, long commit) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("NOTIFY " + COMMIT_CHANNEL + ", '" + commit + "'");
            }
        }
    }

    /** Takes the lock that keeps two processes from creating and seeding a new store at once. */
    void lockSchema(Connection connection) throws SQLException {
        lock(connection, SCHEMA_LOCK);
    }

    String binaryType() {
        return binaryType;
    }

    long nextValue(Connection connection, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + nextValueTemplate.formatted(sequence))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void lock(Connection connection, long key) throws SQLException {
        if (lockTemplate != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(lockTemplate.formatted(key));
            }
        }
    }

}
