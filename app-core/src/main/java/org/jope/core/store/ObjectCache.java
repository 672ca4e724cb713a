package org.jope.core.store;

import java.util.Collection;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.jope.core.content.ContentObject;
import org.jope.core.store.sql.ObjectTable;
import org.jope.core.store.sync.InvalidatedCache;

/**
 * Committed object snapshots by oid, shared by all requests of this process: the analogue of ZODB's object cache, so
 * that a hot read touches no database.
 *
 * <p>A reader that missed loads from the database and then offers the snapshot back. A commit may have happened
 * between that load and the offer; the generation counter, read before the load, tells, and a stale snapshot is
 * dropped instead of being cached after its invalidation.
 *
 * <p>A commit hands over the snapshots of the rows it wrote. Commits reach the cache in the order they reached the
 * database, since the store holds its commit lock across both (as ZODB's storages do), so the newest state wins.
 */
public final class ObjectCache implements InvalidatedCache {

    private static final Long ROOT = ObjectTable.ROOT_OID;

    private final Cache<Long, ContentObject> objects;

    private volatile long generation;

    public ObjectCache(long maximumSize) {
        this.objects = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
    }

    public ContentObject get(long oid) {
        return objects.getIfPresent(oid);
    }

    /** The same lookup with the oid already boxed, as a folder's child entries keep it, so that it allocates nothing. */
    public ContentObject get(Long oid) {
        return objects.getIfPresent(oid);
    }

    /** The root folder's snapshot, or null when it is not cached. */
    public ContentObject root() {
        return objects.getIfPresent(ROOT);
    }

    /** Read this before loading from the database, and pass it to {@link #offer}. */
    public long generation() {
        return generation;
    }

    public synchronized void offer(ContentObject object, long generationBeforeLoad) {
        if (generation == generationBeforeLoad) {
            objects.put(object.oid(), object);
        }
    }

    /** Called after a commit, with every oid whose snapshot the commit made stale. */
    @Override
    public synchronized void invalidate(Collection<Long> oids) {
        generation++;
        objects.invalidateAll(oids);
    }

    @Override
    public synchronized void dropAll() {
        generation++;
        objects.invalidateAll();
    }

    /**
     * Called after a commit, in commit order, with the snapshots of the rows it wrote, the oids whose snapshots it
     * made stale otherwise, and the folders it added to or removed from as it read them. The next writer to a hot
     * folder then finds it here instead of reloading it inside the window in which it can conflict.
     *
     * <p>A folder's new snapshot was made from the one the transaction read. A replaced child changes its folder's
     * listing without its row, so no serial check sees it; if the cached snapshot is no longer the one read, another
     * commit changed the listing meanwhile, and the folder is dropped to be read afresh instead.
     */
    synchronized void committed(Map<Long, ContentObject> written, Collection<Long> stale,
            Map<Long, ? extends ContentObject> foldersAsRead) {
        generation++;
        objects.invalidateAll(stale);
        for (Map.Entry<Long, ContentObject> object : written.entrySet()) {
            ContentObject read = foldersAsRead.get(object.getKey());
            if (read != null && objects.getIfPresent(object.getKey()) != read) {
                objects.invalidate(object.getKey());
            }
            else {
                objects.put(object.getKey(), object.getValue());
            }
        }
    }

    public long size() {
        return objects.estimatedSize();
    }

    public CacheStats stats() {
        return objects.stats();
    }

}
