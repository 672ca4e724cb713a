package org.jope.core.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the tables on first start and seeds a root folder with a welcome page. */
final class StoreSchema {

    static final long ROOT_OID = 0;

    private static final Logger logger = LoggerFactory.getLogger(StoreSchema.class);

    private static final String WELCOME_BODY = """
            <p>Jope is publishing this site. Every URL is traversed to an object in the store, and the object's \
            default view renders it.</p>
            <p>Managers can add pages with <code>PUT</code> and folders with <code>POST</code>.</p>
            """;

    private StoreSchema() {
    }

    static void createAndSeed(DataSource dataSource, SqlDialect dialect) {
        try (Connection connection = dataSource.getConnection()) {
            // Two processes starting at once on a new shared store would otherwise race to create and seed it.
            lock(connection, dialect.transactionLock(SqlDialect.SCHEMA_LOCK));
            create(connection, dialect);
            if (!rootExists(connection)) {
                seed(connection, dialect);
            }
            connection.commit();
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("create the store's schema", ex);
        }
    }

    static void lock(Connection connection, String lockStatement) throws SQLException {
        if (lockStatement != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(lockStatement);
            }
        }
    }

    private static void create(Connection connection, SqlDialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS jope_object (
                        oid BIGINT PRIMARY KEY,
                        parent_oid BIGINT,
                        name VARCHAR(255) NOT NULL,
                        sort_key BIGINT NOT NULL,
                        kind VARCHAR(16) NOT NULL,
                        title VARCHAR,
                        content_type VARCHAR(255),
                        body %s,
                        serial BIGINT NOT NULL,
                        CONSTRAINT jope_object_name UNIQUE (parent_oid, name)
                    )""".formatted(dialect.binaryType()));
            statement.execute("CREATE INDEX IF NOT EXISTS jope_object_children ON jope_object (parent_oid, sort_key)");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS jope_txn (
                        tid BIGINT PRIMARY KEY,
                        commit_seq BIGINT NOT NULL,
                        committed_at TIMESTAMP NOT NULL,
                        username VARCHAR(255),
                        paths VARCHAR,
                        oids VARCHAR,
                        origin VARCHAR(64)
                    )""");
            statement.execute("CREATE INDEX IF NOT EXISTS jope_txn_commit_seq ON jope_txn (commit_seq)");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS jope_oid_seq START WITH 1");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS jope_tid_seq START WITH 1");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS jope_commit_seq START WITH 1");
        }
    }

    private static boolean rootExists(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM jope_object WHERE oid = ?")) {
            select.setLong(1, ROOT_OID);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void seed(Connection connection, SqlDialect dialect) throws SQLException {
        long tid = nextValue(connection, dialect, "jope_tid_seq");
        long welcomeOid = nextValue(connection, dialect, "jope_oid_seq");
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO jope_object (oid, parent_oid, name, sort_key, kind, title, content_type, body, serial)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, ROOT_OID);
            insert.setNull(2, java.sql.Types.BIGINT);
            insert.setString(3, "");
            insert.setLong(4, 0);
            insert.setString(5, "folder");
            insert.setString(6, "Jope");
            insert.setNull(7, java.sql.Types.VARCHAR);
            insert.setNull(8, java.sql.Types.BINARY);
            insert.setLong(9, tid);
            insert.addBatch();
            insert.setLong(1, welcomeOid);
            insert.setLong(2, ROOT_OID);
            insert.setString(3, "welcome");
            insert.setLong(4, 1);
            insert.setString(5, "page");
            insert.setString(6, "Welcome to Jope");
            insert.setString(7, "text/html");
            insert.setBytes(8, WELCOME_BODY.getBytes(StandardCharsets.UTF_8));
            insert.setLong(9, tid);
            insert.addBatch();
            insert.executeBatch();
        }
        try (PreparedStatement log = connection.prepareStatement("""
                INSERT INTO jope_txn (tid, commit_seq, committed_at, username, paths, oids, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            log.setLong(1, tid);
            log.setLong(2, nextValue(connection, dialect, "jope_commit_seq"));
            log.setTimestamp(3, Timestamp.from(Instant.now()));
            log.setString(4, null);
            log.setString(5, "/\n/welcome");
            log.setString(6, ROOT_OID + "," + welcomeOid);
            log.setString(7, "seed");
            log.executeUpdate();
        }
        logger.info("Created a new store with a root folder and a welcome page");
    }

    static long nextValue(Connection connection, SqlDialect dialect, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + dialect.nextValue(sequence))) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
