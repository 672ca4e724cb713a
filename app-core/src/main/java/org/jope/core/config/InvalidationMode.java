package org.jope.core.config;

/**
 * How an instance on the shared store learns of other instances' commits, to drop them from its object cache. The
 * embedded store has one process and needs neither.
 */
public enum InvalidationMode {

    /**
     * Each commit is announced with PostgreSQL's NOTIFY, and a listening connection drops what it names, as ZEO's
     * server pushes invalidations: a cache hit does no SQL, and a write through one instance reaches the others'
     * caches within milliseconds. Writes and conflict retries still read the log first.
     */
    PUSH,

    /**
     * Every transaction reads the log first, as RelStorage does at each transaction boundary: a write through one
     * instance is seen by the next request through any other, at the cost of a round trip per transaction.
     */
    POLL

}
