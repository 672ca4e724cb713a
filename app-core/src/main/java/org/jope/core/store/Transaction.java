package org.jope.core.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jope.core.content.ChildEntry;
import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.content.File;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;

/**
 * One request's unit of work on the store. It reads from the object cache and borrows a connection only on a miss
 * or a write. Writes are optimistic: each one is conditional on the serial that was read, and a mismatch is a
 * {@link ConflictError}. The connection, if one was borrowed, goes back to the pool on {@link #close()}, and an
 * uncommitted transaction is rolled back then.
 */
public final class Transaction implements AutoCloseable {

    private final ObjectStore store;

    private final String user;

    private final boolean readOnly;

    /** Objects that conflicted in an earlier attempt of this request: read under a row lock, not from the cache. */
    private final Set<Long> lockFirst;

    private final boolean retry;

    /** Snapshots of the rows this transaction wrote, for the cache once it has committed. */
    private final Map<Long, ContentObject> written = new HashMap<>();

    /** The serials that the folders this transaction adds to or removes from had when it read them, by oid. */
    private final Map<Long, Long> folderSerials = new TreeMap<>();

    /** Oids whose cached snapshots this transaction makes stale without writing their rows. */
    private final List<Long> stale = new ArrayList<>();

    private final List<String> paths = new ArrayList<>();

    private Connection connection;

    private long tid;

    private boolean committed;

    private boolean polled;

    Transaction(ObjectStore store, String user, boolean readOnly, Set<Long> lockFirst, boolean retry) {
        this.store = store;
        this.user = user;
        this.readOnly = readOnly;
        this.lockFirst = lockFirst;
        this.retry = retry;
    }

    public Folder root() {
        return (Folder) load(StoreSchema.ROOT_OID);
    }

    /**
     * The object with this oid, or null when it is gone. Writers read through the cache too, as ZODB's connections
     * do: a stale snapshot carries a stale serial, so the conditional write fails with a conflict and the retry
     * reads afresh.
     */
    public ContentObject load(long oid) {
        pollOnce();
        if (lockFirst.contains(oid)) {
            return lockAndLoad(oid);
        }
        ObjectCache cache = store.cache();
        ContentObject cached = cache.get(oid);
        if (cached != null) {
            return cached;
        }
        long generation = cache.generation();
        ContentObject loaded = loadFromDatabase(oid);
        // After its first write this connection sees its own uncommitted state, which must not reach the cache.
        if (loaded != null && tid == 0) {
            cache.offer(loaded, generation);
        }
        return loaded;
    }

    /** Adds a child at the end of the folder; the folder's serial guards against a concurrent change. */
    public long createChild(Folder parent, String name, NewContent content, String path) {
        requireWritable();
        try {
            long newTid = tid();
            advanceAtCommit(parent);
            long oid = StoreSchema.nextValue(connection(), store.location().dialect(), "jope_oid_seq");
            try (PreparedStatement insert = connection().prepareStatement("""
                    INSERT INTO jope_object (oid, parent_oid, name, sort_key, kind, title, content_type, body, serial)
                    VALUES (?, ?, ?, (SELECT COALESCE(MAX(sort_key), 0) + 1 FROM jope_object WHERE parent_oid = ?),
                            ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, oid);
                insert.setLong(2, parent.oid());
                insert.setString(3, name);
                insert.setLong(4, parent.oid());
                insert.setString(5, content.kind().columnValue());
                insert.setString(6, content.title());
                insert.setString(7, content.contentType());
                insert.setBytes(8, content.body());
                insert.setLong(9, newTid);
                insert.executeUpdate();
            }
            ContentObject child = snapshot(oid, newTid, name, content);
            written.put(parent.oid(), parent.withChildAdded(ChildEntry.of(child, content.title()), newTid));
            written.put(oid, child);
            paths.add(path);
            return oid;
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("create " + path, ex);
        }
    }

    /** Replaces an object's state, if nobody changed it since it was read. */
    public long replace(Folder parent, ContentObject existing, NewContent content, String path) {
        requireWritable();
        try (PreparedStatement update = connection().prepareStatement("""
                UPDATE jope_object SET kind = ?, title = ?, content_type = ?, body = ?, serial = ?
                WHERE oid = ? AND serial = ?""")) {
            long newTid = tid();
            update.setString(1, content.kind().columnValue());
            update.setString(2, content.title());
            update.setString(3, content.contentType());
            update.setBytes(4, content.body());
            update.setLong(5, newTid);
            update.setLong(6, existing.oid());
            update.setLong(7, existing.serial());
            if (update.executeUpdate() == 0) {
                throw new ConflictError(existing.oid(), path + " was changed by another transaction");
            }
            written.put(existing.oid(), snapshot(existing.oid(), newTid, existing.name(), content));
            // The parent's listing shows this object's title and serial. Its row is not locked, so a snapshot built
            // here could miss a sibling's concurrent change: reload it instead.
            stale.add(parent.oid());
            paths.add(path);
            return newTid;
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("replace " + path, ex);
        }
    }

    /** Removes an object and everything below it. */
    public void delete(Folder parent, ContentObject child, String path) {
        requireWritable();
        try {
            long newTid = tid();
            advanceAtCommit(parent);
            List<Long> doomed = subtree(child.oid());
            try (PreparedStatement delete = connection().prepareStatement(
                    "DELETE FROM jope_object WHERE oid = ? AND serial = ?")) {
                delete.setLong(1, child.oid());
                delete.setLong(2, child.serial());
                if (delete.executeUpdate() == 0) {
                    throw new ConflictError(child.oid(), path + " was changed by another transaction");
                }
            }
            try (PreparedStatement delete = connection().prepareStatement("DELETE FROM jope_object WHERE oid = ?")) {
                for (long oid : doomed.subList(1, doomed.size())) {
                    delete.setLong(1, oid);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            written.put(parent.oid(), parent.withChildRemoved(child.oid(), newTid));
            stale.addAll(doomed);
            paths.add(path);
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("delete " + path, ex);
        }
    }

    /**
     * Makes the writes durable and visible, logs them, and hands their snapshots to the cache. The folders that
     * gained or lost a child are checked and advanced last, just before the commit, as ZODB checks serials in its
     * vote: their row locks are then held only across the commit itself, which keeps concurrent writers to one
     * folder from conflicting more than they must.
     */
    public void commit() {
        if (connection == null) {
            committed = true;
            return;
        }
        try {
            if (tid != 0) {
                advanceFolderSerials();
                // Taken after every row lock, so that it can never wait on a writer that waits for it.
                StoreSchema.lock(connection, store.location().dialect().transactionLock(SqlDialect.COMMIT_LOCK));
                logCommit();
                store.commitLock().lock();
                try {
                    connection.commit();
                    store.cache().committed(written, stale);
                }
                finally {
                    store.commitLock().unlock();
                }
            }
            else {
                connection.rollback();
            }
            committed = true;
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("commit", ex);
        }
    }

    /** The transaction log entry: who changed what, and the objects other processes must drop from their caches. */
    private void logCommit() throws SQLException {
        List<String> oids = new ArrayList<>();
        written.keySet().forEach((oid) -> oids.add(oid.toString()));
        stale.forEach((oid) -> oids.add(oid.toString()));
        try (PreparedStatement log = connection.prepareStatement("""
                INSERT INTO jope_txn (tid, commit_seq, committed_at, username, paths, oids, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            log.setLong(1, tid);
            log.setLong(2, StoreSchema.nextValue(connection, store.location().dialect(), "jope_commit_seq"));
            log.setTimestamp(3, Timestamp.from(Instant.now()));
            log.setString(4, user);
            log.setString(5, String.join("\n", paths));
            log.setString(6, String.join(",", oids));
            log.setString(7, store.origin());
            log.executeUpdate();
        }
    }

    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Connection borrowed = connection) {
            if (!committed) {
                borrowed.rollback();
            }
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("end the transaction", ex);
        }
        finally {
            connection = null;
        }
    }

    private ContentObject loadFromDatabase(long oid) {
        try (PreparedStatement select = connection().prepareStatement(store.loadStatement())) {
            select.setLong(1, oid);
            select.setLong(2, oid);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || rows.getInt("part") != 0) {
                    return null;
                }
                long serial = rows.getLong("serial");
                String name = rows.getString("name");
                ContentKind kind = ContentKind.fromColumn(rows.getString("kind"));
                String title = rows.getString("title");
                String contentType = rows.getString("content_type");
                byte[] body = rows.getBytes("body");
                return switch (kind) {
                    case FOLDER -> new Folder(oid, serial, name, title, children(rows));
                    case PAGE -> new Page(oid, serial, name, title, contentType,
                            new String(body, StandardCharsets.UTF_8));
                    case FILE -> new File(oid, serial, name, title, contentType, body);
                };
            }
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("load object " + oid, ex);
        }
    }

    /** The snapshot of a written object, the same as loading it back would give. */
    private static ContentObject snapshot(long oid, long serial, String name, NewContent content) {
        return switch (content.kind()) {
            case FOLDER -> new Folder(oid, serial, name, content.title(), List.of());
            case PAGE -> new Page(oid, serial, name, content.title(), content.contentType(),
                    new String(content.body(), StandardCharsets.UTF_8));
            case FILE -> new File(oid, serial, name, content.title(), content.contentType(), content.body());
        };
    }

    private static List<ChildEntry> children(ResultSet rows) throws SQLException {
        List<ChildEntry> children = new ArrayList<>();
        while (rows.next()) {
            children.add(new ChildEntry(rows.getLong("oid"), rows.getString("name"),
                    ContentKind.fromColumn(rows.getString("kind")), rows.getString("title"), rows.getLong("serial")));
        }
        return children;
    }

    /**
     * Reads an object that this request already conflicted on, after locking its row, so that the retry cannot
     * conflict on it again: optimistic first, pessimistic once contention has shown itself.
     */
    private ContentObject lockAndLoad(long oid) {
        try (PreparedStatement lock = connection().prepareStatement(
                "SELECT serial FROM jope_object WHERE oid = ? FOR UPDATE")) {
            lock.setLong(1, oid);
            lock.executeQuery().close();
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("lock object " + oid, ex);
        }
        return loadFromDatabase(oid);
    }

    /** On a shared store, the first read of a transaction first drops what other processes changed. */
    private void pollOnce() {
        if (polled) {
            return;
        }
        polled = true;
        try {
            store.pollInvalidations(this::connection, retry);
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("poll the transaction log", ex);
        }
    }

    private void advanceAtCommit(Folder folder) {
        folderSerials.put(folder.oid(), folder.serial());
    }

    /** In oid order, so that two writers to the same folders lock them in the same order and never deadlock. */
    private void advanceFolderSerials() throws SQLException {
        try (PreparedStatement update = connection().prepareStatement(
                "UPDATE jope_object SET serial = ? WHERE oid = ? AND serial = ?")) {
            for (Map.Entry<Long, Long> folder : folderSerials.entrySet()) {
                update.setLong(1, tid);
                update.setLong(2, folder.getKey());
                update.setLong(3, folder.getValue());
                if (update.executeUpdate() == 0) {
                    throw new ConflictError(folder.getKey(),
                            "Folder " + folder.getKey() + " was changed by another transaction");
                }
            }
        }
    }

    private List<Long> subtree(long oid) throws SQLException {
        List<Long> found = new ArrayList<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(oid));
        try (PreparedStatement select = connection().prepareStatement(
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

    private long tid() throws SQLException {
        if (tid == 0) {
            tid = StoreSchema.nextValue(connection(), store.location().dialect(), "jope_tid_seq");
        }
        return tid;
    }

    private Connection connection() {
        if (connection == null) {
            connection = store.borrowConnection();
        }
        return connection;
    }

    private void requireWritable() {
        if (readOnly) {
            throw new IllegalStateException("This transaction was opened read-only");
        }
    }

}
