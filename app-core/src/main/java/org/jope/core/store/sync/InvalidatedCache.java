package org.jope.core.store.sync;

import java.util.Collection;

/** The object cache as the transaction log's followers see it: something to drop objects from. */
public interface InvalidatedCache {

    /** Drops these objects, which another process's commit changed. */
    void invalidate(Collection<Long> oids);

    /** Drops every object: the log no longer says which of them changed. */
    void dropAll();

}
