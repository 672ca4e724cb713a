package org.jope.core.store.sql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.content.ContentKind;
import org.jope.core.content.Page;

/** Creates the tables on first start and seeds a root folder with a welcome page. */
public final class StoreSchema {

    private static final Logger logger = LoggerFactory.getLogger(StoreSchema.class);

    private static final String WELCOME_BODY = """
            <p>Jope is publishing this site. Every URL is traversed to an object in the store, and the object's \
            default view renders it.</p>
            <p>Managers can add pages with <code>PUT</code> and folders with <code>POST</code>.</p>
            """;

    private StoreSchema() {
    }

    /** Creates what is missing and seeds an empty store, then commits; the caller owns the connection. */
    public static void createAndSeed(Connection connection, SqlDialect dialect, ObjectTable objects,
            TransactionLog log) throws SQLException {
        // Two processes starting at once on a new shared store would otherwise race to create and seed it.
        dialect.lockSchema(connection);
        create(connection, dialect);
        addModifiedColumn(connection);
        if (!objects.exists(connection, ObjectTable.ROOT_OID)) {
            seed(connection, objects, log);
        }
        connection.commit();
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
                        modified TIMESTAMP WITH TIME ZONE NOT NULL,
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
            // One row: the highest commit number trimmed from the log, so that a process that missed entries can tell.
            statement.execute("CREATE TABLE IF NOT EXISTS jope_txn_horizon (trimmed_through BIGINT NOT NULL)");
            statement.execute("""
                    INSERT INTO jope_txn_horizon (trimmed_through)
                    SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM jope_txn_horizon)""");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS jope_oid_seq START WITH 1");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS jope_tid_seq START WITH 1");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS jope_commit_seq START WITH 1");
        }
    }

    /**
     * Stores made before objects had a modification time get the column, and every object the time of the upgrade:
     * later than anything a client can have seen, so that no If-Unmodified-Since passes by mistake. The column is
     * looked up first, because ALTER TABLE locks the table even when it has nothing to do.
     */
    private static void addModifiedColumn(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        boolean upper = metaData.storesUpperCaseIdentifiers();
        try (ResultSet column = metaData.getColumns(null, null, upper ? "JOPE_OBJECT" : "jope_object",
                upper ? "MODIFIED" : "modified")) {
            if (column.next()) {
                return;
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE jope_object ADD COLUMN modified TIMESTAMP WITH TIME ZONE "
                    + "DEFAULT CURRENT_TIMESTAMP NOT NULL");
        }
        logger.info("Gave the objects of a store made by an earlier version a modification time");
    }

    private static void seed(Connection connection, ObjectTable objects, TransactionLog log) throws SQLException {
        long tid = log.nextTid(connection);
        long welcomeOid = objects.nextOid(connection);
        long now = System.currentTimeMillis();
        objects.insert(connection, ObjectTable.ROOT_OID, null, "", ContentKind.FOLDER, "Jope", null, null, tid, now);
        objects.insert(connection, welcomeOid, ObjectTable.ROOT_OID, "welcome", ContentKind.PAGE, "Welcome to Jope",
                Page.HTML, WELCOME_BODY.getBytes(StandardCharsets.UTF_8), tid, now);
        log.append(connection, tid, null, List.of("/", "/welcome"), List.of(ObjectTable.ROOT_OID, welcomeOid), "seed");
        logger.info("Created a new store with a root folder and a welcome page");
    }

}
