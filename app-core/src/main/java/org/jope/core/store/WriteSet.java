package org.jope.core.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;

/**
 * What one transaction wrote, gathered until it commits. A transaction makes one only at its first write, so a read
 * allocates none of it.
 */
final class WriteSet {

    /** Snapshots of the rows this transaction wrote, for the cache once it has committed. */
    final Map<Long, ContentObject> written = new HashMap<>();

    /**
     * The folders this transaction adds to or removes from, as it first read them, by oid, in oid order: two writers
     * to the same folders then lock them in the same order and never deadlock.
     */
    final Map<Long, Folder> folderBases = new TreeMap<>();

    /** Oids whose cached snapshots this transaction makes stale without writing their rows. */
    final List<Long> stale = new ArrayList<>();

    final List<String> paths = new ArrayList<>();

    final long tid;

    /** When the transaction wrote, in milliseconds since the epoch: every row it writes is modified then. */
    final long modified = System.currentTimeMillis();

    WriteSet(long tid) {
        this.tid = tid;
    }

    /**
     * The folder's serial is checked and advanced at commit, as ZODB checks serials in its vote; the first snapshot
     * read is the one that counts.
     */
    void advanceAtCommit(Folder folder) {
        folderBases.putIfAbsent(folder.oid(), folder);
    }

    /** Every oid that other processes must drop from their caches once this commits. */
    List<Long> changedOids() {
        List<Long> oids = new ArrayList<>(written.keySet());
        oids.addAll(stale);
        return oids;
    }

}
