package org.jope.core.http;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.config.JopeConfig;
import org.jope.core.errors.PayloadTooLarge;
import org.jope.core.errors.ServiceUnavailable;

/**
 * The bytes of request bodies that the heap may hold at once, summed over every request being read or written
 * ({@code jope.server.request-body-memory}). A body is held whole in the heap from its first byte until its
 * transaction ends, so that a conflict retry can use it again, and a write needs several times its size at peak: the
 * bytes, the store driver's copy of them, the store's own pages, the snapshot. A body the heap cannot hold is refused
 * before it is read, instead of ending in OutOfMemoryError: one larger than {@link #limit()} is answered 413, and one
 * that would take the budget past what other requests left of it is answered 503 with Retry-After.
 */
public final class BodyMemory {

    /**
     * Unset, the budget is the maximum heap divided by this. Measured with the demo on H2 and -Xmx512m, the budget
     * lifted (README, Safety): a file's write peaks at about 1.7 times its body above the idle site (the body, H2's
     * LOB pages and their write buffer), and the first read of a page, rendered into HTML, at 4 to 5 times: a 100 MB
     * page reads back, a 120 MB one does not. The object cache may hold another eighth of the heap; a sixth keeps
     * the largest page's read within what is left.
     */
    static final int HEAP_PER_BODY_BYTE = 6;

    /** The largest array the JVM allocates: a body is read into one. */
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private static final Logger logger = LoggerFactory.getLogger(BodyMemory.class);

    private final long budget;

    private final boolean derived;

    private final long maxRequestBodySize;

    private final long maxHeap;

    private final AtomicLong held = new AtomicLong();

    BodyMemory(Long configured, long maxRequestBodySize, long maxHeap) {
        this.derived = configured == null;
        this.budget = derived ? maxHeap / HEAP_PER_BODY_BYTE : configured;
        this.maxRequestBodySize = maxRequestBodySize;
        this.maxHeap = maxHeap;
    }

    /** The budget of this process, with a warning at start when it, not the body size limit, bounds an upload. */
    public static BodyMemory of(JopeConfig config) {
        BodyMemory memory = new BodyMemory(config.requestBodyMemory(), config.maxRequestBodySize(),
                Runtime.getRuntime().maxMemory());
        if (memory.budget < memory.maxRequestBodySize) {
            logger.warn("jope.server.max-request-body-size is {}, but {}, so a request body above {} is answered 413."
                    + " To accept bodies up to {}, {}; or lower jope.server.max-request-body-size to {} to say so "
                    + "and silence this warning.", size(memory.maxRequestBodySize), memory.why(),
                    size(memory.budget), size(memory.maxRequestBodySize), memory.fix(), size(memory.budget));
        }
        return memory;
    }

    /** The largest body one request may send: the size limit, or the whole budget when that is smaller. */
    public long limit() {
        return Math.min(LARGEST_ARRAY, Math.min(budget, maxRequestBodySize));
    }

    public long budget() {
        return budget;
    }

    /** The bytes that bodies being read or written hold now. */
    public long held() {
        return held.get();
    }

    /** A share of the budget for one request's body, empty until it takes bytes; close it when the body is done. */
    public Share share() {
        return new Share();
    }

    /** The 413 for a body larger than {@link #limit()}, which names what sets the limit. */
    private PayloadTooLarge tooLarge() {
        if (limit() == maxRequestBodySize) {
            return new PayloadTooLarge("The request body is larger than the limit of " + limit()
                    + " bytes (jope.server.max-request-body-size)");
        }
        return new PayloadTooLarge("The request body is larger than the limit of " + limit() + " bytes: "
                + why() + " (jope.server.max-request-body-size is " + maxRequestBodySize + " bytes)");
    }

    private String why() {
        return derived ? "the heap of " + size(maxHeap) + " (-Xmx) holds request bodies of at most " + size(budget)
                + " at once" : "jope.server.request-body-memory holds request bodies to " + size(budget) + " at once";
    }

    private String fix() {
        return derived ? "raise -Xmx to about " + size(maxRequestBodySize * HEAP_PER_BODY_BYTE)
                : "raise jope.server.request-body-memory, and -Xmx with it";
    }

    private static String size(long bytes) {
        return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : bytes >= 10L << 10 ? (bytes >> 10) + " KB" : bytes + " B";
    }

    /** One request's share: it grows as the body is read and goes back to the budget whole when closed. */
    public final class Share implements AutoCloseable {

        private long bytes;

        private Share() {
        }

        long limit() {
            return BodyMemory.this.limit();
        }

        PayloadTooLarge tooLarge() {
            return BodyMemory.this.tooLarge();
        }

        /** Takes {@code more} bytes; 503 when the other requests hold so much that the budget has not got them. */
        synchronized void take(long more) {
            long before;
            do {
                before = held.get();
                if (before + more > budget) {
                    throw new ServiceUnavailable("The site is holding as many uploads as its memory allows; "
                            + "send the body again shortly.");
                }
            } while (!held.compareAndSet(before, before + more));
            bytes += more;
        }

        /**
         * Idempotent, and safe from any thread: a share may be given back as its answer starts and again as its
         * request completes.
         */
        @Override
        public synchronized void close() {
            held.addAndGet(-bytes);
            bytes = 0;
        }

    }

}
