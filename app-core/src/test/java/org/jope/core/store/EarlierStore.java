package org.jope.core.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A store as the version before modification times made it: its schema and its seed, written with plain JDBC. */
final class EarlierStore {

    private EarlierStore() {
    }

    static void create(String url, String user, String password, String binaryType) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE jope_object (
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
                    )""".formatted(binaryType));
            statement.execute("CREATE INDEX jope_object_children ON jope_object (parent_oid, sort_key)");
            statement.execute("""
                    CREATE TABLE jope_txn (
                        tid BIGINT PRIMARY KEY,
                        commit_seq BIGINT NOT NULL,
                        committed_at TIMESTAMP NOT NULL,
                        username VARCHAR(255),
                        paths VARCHAR,
                        oids VARCHAR,
                        origin VARCHAR(64)
                    )""");
            statement.execute("CREATE INDEX jope_txn_commit_seq ON jope_txn (commit_seq)");
            statement.execute("CREATE SEQUENCE jope_oid_seq START WITH 2");
            statement.execute("CREATE SEQUENCE jope_tid_seq START WITH 2");
            statement.execute("CREATE SEQUENCE jope_commit_seq START WITH 2");
            statement.execute("INSERT INTO jope_object (oid, parent_oid, name, sort_key, kind, title, serial) "
                    + "VALUES (0, NULL, '', 1, 'folder', 'Jope', 1)");
            statement.execute("INSERT INTO jope_object (oid, parent_oid, name, sort_key, kind, title, content_type, "
                    + "serial) VALUES (1, 0, 'old', 1, 'page', 'Old page', 'text/plain', 1)");
            statement.execute("UPDATE jope_object SET body = " + (binaryType.equals("BYTEA") ? "'\\x6f6c64'" : "X'6f6c64'")
                    + " WHERE oid = 1");
            statement.execute("INSERT INTO jope_txn (tid, commit_seq, committed_at, paths, oids, origin) "
                    + "VALUES (1, 1, CURRENT_TIMESTAMP, '/', '0,1', 'seed')");
        }
    }

}
