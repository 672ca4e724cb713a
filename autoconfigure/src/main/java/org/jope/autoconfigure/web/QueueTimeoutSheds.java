package org.jope.autoconfigure.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.util.LogRateLimit;

/**
 * The requests shed for waiting longer than jope.server.queue-timeout, wherever they are shed: by the servlet filter
 * when a worker takes them up, or on Jetty by its QoSHandler while they are still parked. It counts them, warns at
 * most once per interval, and writes the one answer they all get.
 */
public final class QueueTimeoutSheds {

    private static final Logger logger = LoggerFactory.getLogger(QueueTimeoutSheds.class);

    private final Duration timeout;

    private final LogRateLimit warnings;

    private final LongAdder shed = new LongAdder();

    private final byte[] body;

    public QueueTimeoutSheds(Duration timeout, Duration warningInterval) {
        this.timeout = timeout;
        this.warnings = new LogRateLimit(warningInterval);
        this.body = ("503 Service Unavailable\n\nThe site is busy: this request waited longer than "
                + timeout.toMillis() + " ms for a worker. Try again shortly.\n").getBytes(StandardCharsets.UTF_8);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Counts a shed request that waited this long, and warns if no warning went out within the interval. */
    public void record(long waitedNanos) {
        shed.increment();
        if (warnings.tryAcquire()) {
            long alsoShed = warnings.takeSuppressed();
            logger.warn("A request waited {} ms for a worker, longer than jope.server.queue-timeout ({} ms), and "
                    + "was answered 503{}", TimeUnit.NANOSECONDS.toMillis(waitedNanos), timeout.toMillis(),
                    alsoShed > 0 ? "; " + alsoShed + " more since the last warning" : "");
        }
    }

    /** The plain-text body of the 503. */
    public byte[] body() {
        return body.clone();
    }

    public long count() {
        return shed.sum();
    }

}
