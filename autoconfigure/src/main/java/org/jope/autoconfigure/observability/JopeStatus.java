package org.jope.autoconfigure.observability;

/**
 * What the jope endpoint and the status page report: the effective settings, the safety verdict, and the state of
 * the store, the cache and the requests now. Figures that exist only once the server or a HikariCP pool runs are
 * null before then.
 */
public record JopeStatus(Server server, Store store, Safety safety, Cache cache, Requests requests,
        Watchdog watchdog, Debug debug) {

    /**
     * @param type the container that serves the site
     * @param threads request threads, as the running container has them
     * @param busyThreads threads running a request now
     * @param queuedRequests requests accepted and waiting for a thread
     */
    public record Server(String type, int threads, Integer busyThreads, int queuedRequests) {
    }

    /**
     * @param kind embedded (one process) or shared (several)
     * @param url the JDBC URL, any password in it masked
     * @param poolSize connections in the pool
     * @param poolTimeoutMillis how long a request waits for a connection before its 503
     * @param activeConnections connections lent out now
     * @param threadsAwaitingConnection threads waiting for a connection now
     */
    public record Store(String kind, String url, int poolSize, long poolTimeoutMillis, Integer activeConnections,
            Integer threadsAwaitingConnection) {
    }

    /**
     * @param threadsVsPool the jope.safety.threads-vs-pool mode
     * @param threadsBelowPool whether every request thread can hold a store connection at once
     * @param verdict the comparison in words
     */
    public record Safety(String threadsVsPool, boolean threadsBelowPool, String verdict) {
    }

    /**
     * @param size objects cached now
     * @param maximumSize jope.store.cache-size
     * @param hitRatio hits over all lookups; 1 before the first lookup, as Caffeine counts it
     */
    public record Cache(long size, long maximumSize, double hitRatio, long hits, long misses) {
    }

    /**
     * @param inFlight requests the publisher runs now
     * @param completed requests the publisher has finished
     * @param shed requests answered 503 for want of a store connection, or with the store down
     */
    public record Requests(int inFlight, long completed, long conflicts, long retries, long conflictsGivenUp,
            long shed) {
    }

    /**
     * @param enabled whether the stall watchdog runs
     * @param stallAfterMillis jope.watchdog.stall-after
     * @param stalls stalls seen since the start
     */
    public record Watchdog(boolean enabled, long stallAfterMillis, long stalls) {
    }

    /**
     * @param debugExceptions jope.debug-exceptions: exceptions reach the container instead of the exception views
     * @param exposeTracebacks jope.server.expose-tracebacks: the container's error page shows the traceback
     */
    public record Debug(boolean debugExceptions, boolean exposeTracebacks) {
    }

}
