package org.jope.core.store.sql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.jope.core.content.ChildEntry;
import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.content.File;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;

/**
 * Every statement on {@code jope_object}, the table of objects: one row an object, its parent's oid, its place among
 * its siblings, and its serial, which every write is conditional on, with the time it was written. The kind column
 * holds {@link ContentKind#columnValue()}.
 */
public final class ObjectTable {

    /** The root folder's oid, which the schema's seed gives it. */
    public static final long ROOT_OID = 0;

    /** One statement reads an object and its children's summaries, so both come from the same snapshot. */
    private static final String LOAD = """
            SELECT 0 AS part, sort_key, oid, name, kind, title, content_type, serial, modified, body
            FROM jope_object WHERE oid = ?
            UNION ALL
            SELECT 1 AS part, sort_key, oid, name, kind, title, content_type, serial, modified, CAST(NULL AS %s)
            FROM jope_object WHERE parent_oid = ?
            ORDER BY part, sort_key""";

    /**
     * A child's place among its siblings is its oid: oids only grow, so a new child sorts after every sibling, and
     * no statement has to look for the last one. (Older stores numbered siblings from 1; any oid handed out since is
     * larger than those numbers, since each of them stood for an object created with an oid.)
     */
    private static final String INSERT = """
            INSERT INTO jope_object (oid, parent_oid, name, sort_key, kind, title, content_type, body, serial, modified)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String REPLACE = """
            UPDATE jope_object SET kind = ?, title = ?, content_type = ?, body = ?, serial = ?, modified = ?
            WHERE oid = ? AND serial = ?""";

    private final SqlDialect dialect;

    private final String load;

    public ObjectTable(SqlDialect dialect) {
        this.dialect = dialect;
        this.load = LOAD.formatted(dialect.binaryType());
    }

    /** The object with its children's summaries, or null when there is no such object. */
    public ContentObject load(Connection connection, long oid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(load)) {
            select.setLong(1, oid);
            select.setLong(2, oid);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || rows.getInt("part") != 0) {
                    return null;
                }
                long serial = rows.getLong("serial");
                long modified = modified(rows);
                String name = rows.getString("name");
                ContentKind kind = ContentKind.fromColumn(rows.getString("kind"));
                String title = rows.getString("title");
                String contentType = rows.getString("content_type");
                byte[] body = body(rows);
                return switch (kind) {
                    case FOLDER -> new Folder(oid, serial, name, title, modified, children(rows));
                    case PAGE -> new Page(oid, serial, name, title, contentType,
                            new String(body, StandardCharsets.UTF_8), modified);
                    case FILE -> new File(oid, serial, name, title, contentType, body, modified);
                };
            }
        }
    }

    /**
     * H2 hands a BLOB over through a buffer that doubles as it reads, up to three times the body at once; the length
     * is known, so the bytes are read into one array of it instead. PostgreSQL's bytea comes whole as it is.
     */
    private byte[] body(ResultSet rows) throws SQLException {
        if (dialect != SqlDialect.H2) {
            return rows.getBytes("body");
        }
        Blob blob = rows.getBlob("body");
        if (blob == null) {
            return null;
        }
        try (InputStream in = blob.getBinaryStream()) {
            byte[] bytes = new byte[Math.toIntExact(blob.length())];
            in.readNBytes(bytes, 0, bytes.length);
            return bytes;
        }
        catch (IOException ex) {
            throw new SQLException("Could not read an object's body", ex);
        }
        finally {
            blob.free();
        }
    }

    /** H2 copies the array that setBytes is given before it stores it as a BLOB; from a stream it makes no copy. */
    private void setBody(PreparedStatement statement, int index, byte[] body) throws SQLException {
        if (dialect == SqlDialect.H2 && body != null) {
            statement.setBinaryStream(index, new ByteArrayInputStream(body), body.length);
        }
        else {
            statement.setBytes(index, body);
        }
    }

    public long nextOid(Connection connection) throws SQLException {
        return dialect.nextValue(connection, "jope_oid_seq");
    }

    /**
     * Adds an object after its parent's last child; the root has no parent. The parent's own serial is not checked
     * here: the caller advances it at commit. {@code modified} is in milliseconds since the epoch.
     */
    public void insert(Connection connection, long oid, Long parentOid, String name, ContentKind kind, String title,
            String contentType, byte[] body, long serial, long modified) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, oid);
            setNullableLong(insert, 2, parentOid);
            insert.setString(3, name);
            insert.setLong(4, oid);
            insert.setString(5, kind.columnValue());
            insert.setString(6, title);
            insert.setString(7, contentType);
            setBody(insert, 8, body);
            insert.setLong(9, serial);
            setModified(insert, 10, modified);
            insert.executeUpdate();
        }
    }

    /** Replaces an object's state if its serial is still the expected one; false when another writer came first. */
    public boolean replace(Connection connection, long oid, long expectedSerial, ContentKind kind, String title,
            String contentType, byte[] body, long serial, long modified) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(REPLACE)) {
            update.setString(1, kind.columnValue());
            update.setString(2, title);
            update.setString(3, contentType);
            setBody(update, 4, body);
            update.setLong(5, serial);
            setModified(update, 6, modified);
            update.setLong(7, oid);
            update.setLong(8, expectedSerial);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Gives an object a new serial if it still has the expected one; false when another writer came first. A folder
     * that gains or loses a child changes no column of its own, but its serial must move.
     */
    public boolean advanceSerial(Connection connection, long oid, long expectedSerial, long serial, long modified)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE jope_object SET serial = ?, modified = ? WHERE oid = ? AND serial = ?")) {
            update.setLong(1, serial);
            setModified(update, 2, modified);
            update.setLong(3, oid);
            update.setLong(4, expectedSerial);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Gives a folder a serial and a time that are at least the ones given, whatever it holds now; false when the
     * folder is gone. For a folder whose children another transaction changed meanwhile: the greater of the two
     * keeps its serial and time from going back when a younger transaction committed first.
     */
    public boolean advanceSerialPast(Connection connection, long oid, long serial, long modified)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE jope_object SET serial = GREATEST(serial, ?), modified = GREATEST(modified, ?) WHERE oid = ?")) {
            update.setLong(1, serial);
            setModified(update, 2, modified);
            update.setLong(3, oid);
            return update.executeUpdate() == 1;
        }
    }

    /** Deletes an object if its serial is still the expected one; false when another writer came first. */
    public boolean delete(Connection connection, long oid, long expectedSerial) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM jope_object WHERE oid = ? AND serial = ?")) {
            delete.setLong(1, oid);
            delete.setLong(2, expectedSerial);
            return delete.executeUpdate() == 1;
        }
    }

    public void deleteAll(Connection connection, List<Long> oids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM jope_object WHERE oid = ?")) {
            for (long oid : oids) {
                delete.setLong(1, oid);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    /** Locks an object's row until the transaction ends, so that no other writer can change it meanwhile. */
    public void lock(Connection connection, long oid) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT serial FROM jope_object WHERE oid = ? FOR UPDATE")) {
            lock.setLong(1, oid);
            lock.executeQuery().close();
        }
    }

    /** The object and everything below it, the object first. */
    public List<Long> subtree(Connection connection, long oid) throws SQLException {
        List<Long> found = new ArrayList<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(oid));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT oid FROM jope_object WHERE parent_oid = ?")) {
            while (!pending.isEmpty()) {
                long next = pending.pop();
                found.add(next);
                select.setLong(1, next);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pending.push(rows.getLong(1));
                    }
                }
            }
        }
        return found;
    }

    boolean exists(Connection connection, long oid) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM jope_object WHERE oid = ?")) {
            select.setLong(1, oid);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<ChildEntry> children(ResultSet rows) throws SQLException {
        List<ChildEntry> children = new ArrayList<>();
        while (rows.next()) {
            children.add(new ChildEntry(rows.getLong("oid"), rows.getString("name"),
                    ContentKind.fromColumn(rows.getString("kind")), rows.getString("title"), rows.getLong("serial"),
                    modified(rows)));
        }
        return children;
    }

    /** Times are kept as timestamps with time zone, in UTC, so that processes in any time zone read them alike. */
    private static void setModified(PreparedStatement statement, int index, long epochMillis) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    private static long modified(ResultSet rows) throws SQLException {
        OffsetDateTime modified = rows.getObject("modified", OffsetDateTime.class);
        return modified == null ? 0 : modified.toInstant().toEpochMilli();
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        }
        else {
            statement.setLong(index, value);
        }
    }

}
