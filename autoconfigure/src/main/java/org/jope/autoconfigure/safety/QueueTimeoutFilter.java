package org.jope.autoconfigure.safety;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.jope.autoconfigure.web.QueueTimeoutSheds;
import org.jope.autoconfigure.web.RequestArrival;

/**
 * Sheds a request that waited longer than jope.server.queue-timeout for a worker: it is answered 503 with
 * Retry-After as soon as a worker takes it, before any filter behind this one or the store sees it. Its client has
 * most likely given up, and serving it would only make the requests behind it wait longer. The wait counts from the
 * container's own arrival time ({@link RequestArrival}); a request without one is served.
 */
public class QueueTimeoutFilter implements Filter {

    private final QueueTimeoutSheds sheds;

    private final long timeoutNanos;

    public QueueTimeoutFilter(QueueTimeoutSheds sheds) {
        this.sheds = sheds;
        this.timeoutNanos = sheds.timeout().toNanos();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long waited = RequestArrival.waitedNanos(request);
        if (waited <= timeoutNanos) {
            chain.doFilter(request, response);
            return;
        }
        sheds.record(waited);
        HttpServletResponse http = (HttpServletResponse) response;
        byte[] body = sheds.body();
        http.setStatus(503);
        http.setHeader("Retry-After", "1");
        http.setContentType("text/plain;charset=UTF-8");
        http.setContentLength(body.length);
        http.getOutputStream().write(body);
    }

    /** Requests answered 503 for waiting too long, here or, on Jetty, in its QoSHandler. */
    public long shed() {
        return sheds.count();
    }

}
