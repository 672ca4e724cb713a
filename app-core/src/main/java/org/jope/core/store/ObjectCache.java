package org.jope.core.store;

import java.util.Collection;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.jope.core.content.ContentObject;
import org.jope.core.content.File;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;
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
 * <p>It is bounded twice: by jope.store.cache-size objects, and by a share of the heap in bytes, so that a few large
 * files cannot fill the heap with snapshots no request holds. Each snapshot weighs a slot of the byte bound divided
 * by the object count for every such slot its bytes take, at least one; the total weight is held to the object count.
 * A snapshot larger than the byte bound is not kept at all.
 *
 * <p>A commit hands over the snapshots of the rows it wrote. Commits reach the cache in the order they reached the
 * database, since the store holds its commit lock across both (as ZODB's storages do), so the newest state wins.
 */
public final class ObjectCache implements InvalidatedCache {

    private static final Long ROOT = ObjectTable.ROOT_OID;

    private final Cache<Long, ContentObject> objects;

    private volatile long generation;

    /** A folder's child entry: its name, its oid and the list's reference, about. */
    private static final int BYTES_PER_CHILD = 100;

    /**
     * @param maximumSize objects at most
     * @param maximumBytes heap that the snapshots may hold at most, about
     */
    public ObjectCache(long maximumSize, long maximumBytes) {
        long bytesPerSlot = Math.max(1, maximumBytes / Math.max(1, maximumSize));
        this.objects = Caffeine.newBuilder().maximumWeight(maximumSize)
                .weigher((Long oid, ContentObject object) -> slots(object, bytesPerSlot)).recordStats().build();
    }

    /** How many slots a snapshot takes: a page counts its text twice, for the rendering kept with it. */
    private static int slots(ContentObject object, long bytesPerSlot) {
        long bytes = switch (object.kind()) {
            case FILE -> ((File) object).data().length;
            case PAGE -> 2L * ((Page) object).body().length();
            case FOLDER -> (long) BYTES_PER_CHILD * ((Folder) object).children().size();
        };
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + bytesPerSlot - 1) / bytesPerSlot));
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
