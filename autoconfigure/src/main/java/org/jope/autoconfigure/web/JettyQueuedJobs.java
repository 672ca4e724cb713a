package org.jope.autoconfigure.web;

import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's thread pool, with room to parse and stamping each job with the time it was handed in. The QoSHandler caps
 * the requests in flight at jope.server.threads and parks the rest without a thread, from Jetty's own begin time for
 * the request; but it can only park what has been parsed, and with every thread of a pool sized to the cap busy,
 * new requests would wait unparsed, uncounted, until a worker freed. So the pool holds {@link #PARSING_THREADS} more,
 * and a job that still waits for a thread is stamped when it was handed in, which {@link JettyArrivalHandler} reads on
 * the thread that runs it.
 */
final class JettyQueuedJobs extends QueuedThreadPool {

    /** Threads beyond the request cap, which parse requests and hand them to the QoSHandler. */
    static final int PARSING_THREADS = 2;

    private static final ThreadLocal<Long> HANDED_IN = new ThreadLocal<>();

    JettyQueuedJobs(QueuedThreadPool configured) {
        super(configured.getMaxThreads() + PARSING_THREADS, Math.min(configured.getMinThreads(),
                configured.getMaxThreads() + PARSING_THREADS), configured.getIdleTimeout());
        setName(configured.getName());
        setReservedThreads(configured.getReservedThreads());
    }

    @Override
    public void execute(Runnable job) {
        super.execute(new Stamped(job, System.nanoTime()));
    }

    /** A job and when it was handed in; it keeps the job's invocation type, which Jetty's strategies go by. */
    private record Stamped(Runnable job, long handedIn) implements Runnable, Invocable {

        @Override
        public void run() {
            HANDED_IN.set(handedIn);
            try {
                job.run();
            }
            finally {
                HANDED_IN.remove();
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return Invocable.getInvocationType(job);
        }

    }

    /**
     * When the job the current thread runs was handed in, once: the job may go on to serve the next request of its
     * connection, which never queued, and gets null, as does a thread outside such a job.
     */
    static Long takeHandedIn() {
        Long handedIn = HANDED_IN.get();
        HANDED_IN.remove();
        return handedIn;
    }

}
