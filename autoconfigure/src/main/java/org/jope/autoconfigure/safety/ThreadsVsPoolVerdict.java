package org.jope.autoconfigure.safety;

/**
 * The comparison that Zope's advice asks for: every request thread must be able to hold a store connection at once,
 * so the threads stay below the pool size. The start-up check and the status page both read it from here.
 */
public record ThreadsVsPoolVerdict(int threads, int poolSize) {

    public boolean threadsBelowPool() {
        return threads < poolSize;
    }

    /** The verdict in words. */
    public String describe() {
        if (threadsBelowPool()) {
            return threads + " request threads, below the " + poolSize + " store connections";
        }
        return threads + " request threads for " + poolSize
                + " store connections: under load requests wait for a connection and may be answered 503";
    }

}
