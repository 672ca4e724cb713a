package org.jope.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import org.jope.core.content.ChildEntry;
import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.store.sql.ObjectTable;

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

    private WriteSet writes;

    private Connection connection;

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
        return (Folder) load(ObjectTable.ROOT_OID);
    }

    /**
     * The object with this oid, or null when it is gone; what this transaction wrote, it reads back. Writers read
     * through the cache too, as ZODB's connections do: a stale snapshot carries a stale serial, so the conditional
     * write fails with a conflict and the retry reads afresh.
     */
    public ContentObject load(long oid) {
        pollOnce();
        if (writes != null && writes.written.containsKey(oid)) {
            return writes.written.get(oid);
        }
        if (!lockFirst.isEmpty() && lockFirst.contains(oid)) {
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
        if (loaded != null && writes == null) {
            cache.offer(loaded, generation);
        }
        return loaded;
    }

    /** Adds a child at the end of the folder; the folder's serial guards against a concurrent change. */
    public long createChild(Folder parent, String name, NewContent content, String path) {
        try {
            WriteSet writes = writes();
            writes.advanceAtCommit(parent);
            long oid = store.objects().nextOid(connection());
            store.objects().insert(connection(), oid, parent.oid(), name, content.kind(), content.title(),
                    content.contentType(), content.body(), writes.tid, writes.modified);
            ContentObject child = content.snapshot(oid, writes.tid, name, writes.modified);
            writes.written.put(parent.oid(),
                    parent.withChildAdded(ChildEntry.of(child), writes.tid, writes.modified));
            writes.written.put(oid, child);
            writes.paths.add(path);
            return oid;
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("create " + path, ex);
        }
    }

    /** Replaces an object's state, if nobody changed it since it was read; returns its new serial. */
    public long replace(Folder parent, ContentObject existing, NewContent content, String path) {
        try {
            WriteSet writes = writes();
            if (!store.objects().replace(connection(), existing.oid(), existing.serial(), content.kind(),
                    content.title(), content.contentType(), content.body(), writes.tid, writes.modified)) {
                throw new ConflictError(existing.oid(), path + " was changed by another transaction");
            }
            writes.written.put(existing.oid(),
                    content.snapshot(existing.oid(), writes.tid, existing.name(), writes.modified));
            // The parent's listing shows this object's title and serial. Its row is not locked, so a snapshot built
            // here could miss a sibling's concurrent change: reload it instead.
            writes.stale.add(parent.oid());
            writes.paths.add(path);
            return writes.tid;
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("replace " + path, ex);
        }
    }

    /** Removes an object and everything below it. */
    public void delete(Folder parent, ContentObject child, String path) {
        try {
            WriteSet writes = writes();
            writes.advanceAtCommit(parent);
            List<Long> doomed = store.objects().subtree(connection(), child.oid());
            if (!store.objects().delete(connection(), child.oid(), child.serial())) {
                throw new ConflictError(child.oid(), path + " was changed by another transaction");
            }
            store.objects().deleteAll(connection(), doomed.subList(1, doomed.size()));
            writes.written.put(parent.oid(), parent.withChildRemoved(child.oid(), writes.tid, writes.modified));
            writes.stale.addAll(doomed);
            writes.paths.add(path);
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
            if (writes != null) {
                advanceFolderSerials();
                store.location().dialect().lockCommits(connection);
                long commit = store.log().append(connection, writes.tid, user, writes.paths, writes.changedOids(),
                        store.origin());
                store.location().dialect().announceCommit(connection, commit);
                store.commitLock().lock();
                try {
                    connection.commit();
                    store.cache().committed(writes.written, writes.stale, writes.folderBases);
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

    /** The connection, borrowed from the pool on first use; a poll of the transaction log reads on it. */
    Connection connection() {
        if (connection == null) {
            connection = store.borrowConnection();
        }
        return connection;
    }

    private ContentObject loadFromDatabase(long oid) {
        try {
            return store.objects().load(connection(), oid);
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("load object " + oid, ex);
        }
    }

    /**
     * Reads an object that this request already conflicted on, after locking its row, so that the retry cannot
     * conflict on it again: optimistic first, pessimistic once contention has shown itself.
     */
    private ContentObject lockAndLoad(long oid) {
        try {
            store.objects().lock(connection(), oid);
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("lock object " + oid, ex);
        }
        return loadFromDatabase(oid);
    }

    /**
     * On a shared store, the first read of a transaction first drops what other processes changed, unless pushed
     * invalidations keep the cache current; a writer and a retry always catch up, so that they read what they change
     * as fresh as the log says.
     */
    private void pollOnce() {
        if (polled) {
            return;
        }
        polled = true;
        store.catchUp(this, retry || !readOnly);
    }

    /**
     * A folder whose children another transaction changed since this one read it is no conflict: what must not be
     * lost lives in the children's own rows (a name is unique in its folder, a child is replaced or deleted only at
     * the serial read), so two changes of one folder's children commute, as Zope's BTree folders resolve theirs.
     * Eight managers adding pages to one folder otherwise ran more than half their requests twice. The cache keeps
     * the folder only if it still holds the snapshot this transaction read (ObjectCache.committed).
     */
    private void advanceFolderSerials() throws SQLException {
        for (Folder folder : writes.folderBases.values()) {
            if (!store.objects().advanceSerial(connection, folder.oid(), folder.serial(), writes.tid, writes.modified)
                    && !store.objects().advanceSerialPast(connection, folder.oid(), writes.tid, writes.modified)) {
                throw new ConflictError(folder.oid(), "Folder " + folder.oid() + " was deleted by another transaction");
            }
        }
    }

    private WriteSet writes() throws SQLException {
        if (readOnly) {
            throw new IllegalStateException("This transaction was opened read-only");
        }
        if (writes == null) {
            writes = new WriteSet(store.log().nextTid(connection()));
        }
        return writes;
    }

}
