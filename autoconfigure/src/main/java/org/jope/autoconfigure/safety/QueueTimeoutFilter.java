package org.jope.autoconfigure.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.autoconfigure.web.RequestArrival;
import org.jope.core.util.LogRateLimit;

/**
 * Sheds a request that waited longer than jope.server.queue-timeout for a worker: it is answered 503 with
 * Retry-After as soon as a worker takes it, before any filter behind this one or the store sees it. Its client has
 * most likely given up, and serving it would only make the requests behind it wait longer. The wait counts from the
 * container's own arrival time ({@link RequestArrival}); a request without one is served. Shed requests are counted,
 * and warned about at most once per interval.
 */
public class QueueTimeoutFilter implements Filter {

    private static final Logger logger = LoggerFactory.getLogger(QueueTimeoutFilter.class);

    private final long timeoutNanos;

    private final Duration timeout;

    private final LogRateLimit warnings;

    private final LongAdder shed = new LongAdder();

    public QueueTimeoutFilter(Duration timeout, Duration warningInterval) {
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
        this.warnings = new LogRateLimit(warningInterval);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long waited = RequestArrival.waitedNanos(request);
        if (waited <= timeoutNanos) {
            chain.doFilter(request, response);
            return;
        }
        shed.increment();
        if (warnings.tryAcquire()) {
            long alsoShed = warnings.takeSuppressed();
            logger.warn("A request waited {} ms for a worker, longer than jope.server.queue-timeout ({} ms), and "
                    + "was answered 503{}", TimeUnit.NANOSECONDS.toMillis(waited), timeout.toMillis(),
                    alsoShed > 0 ? "; " + alsoShed + " more since the last warning" : "");
        }
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(503);
        http.setHeader("Retry-After", "1");
        http.setContentType("text/plain;charset=UTF-8");
        byte[] body = ("503 Service Unavailable\n\nThe site is busy: this request waited longer than "
                + timeout.toMillis() + " ms for a worker. Try again shortly.\n").getBytes(StandardCharsets.UTF_8);
        http.setContentLength(body.length);
        http.getOutputStream().write(body);
    }

    /** Requests answered 503 for waiting too long. */
    public long shed() {
        return shed.sum();
    }

}
