package org.jope.autoconfigure.logging;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.ServletException;
import org.apache.catalina.AccessLog;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import org.jope.core.log.AccessEvent;
import org.jope.core.http.Rendered;
import org.jope.core.publisher.Publisher;
import org.jope.core.security.Authenticator;

/**
 * Tomcat's request-log hook. As an {@link AccessLog} on the Engine's pipeline it is called once for every request
 * when the response is done, also for requests that Tomcat rejected while parsing them and that never reached a
 * context. It only reads the fields out; the line is the formatter's.
 */
class TomcatAccessLogValve extends ValveBase implements AccessLog {

    private final org.jope.core.log.AccessLog accessLog;

    TomcatAccessLogValve(org.jope.core.log.AccessLog accessLog) {
        // Async requests must stay possible through this valve.
        super(true);
        this.accessLog = accessLog;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
    }

    @Override
    public void log(Request request, Response response, long time) {
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        long now = System.nanoTime();
        long startNanos = coyote.getStartTimeNanos();
        long durationMicros = startNanos > 0 ? (now - startNanos) / 1000 : 0;
        long startMillis = coyote.getStartTime() > 0 ? coyote.getStartTime() : System.currentTimeMillis();
        Object user = request.getAttribute(Authenticator.USER_ATTRIBUTE);
        String query = request.getQueryString();
        String uri = request.getRequestURI();
        String target = (query != null && uri != null) ? uri + '?' + query : uri;
        accessLog.log(new AccessEvent(request.getPeerAddr(), user != null ? user.toString() : request.getRemoteUser(),
                startMillis, request.getMethod(), target, request.getProtocol(), sentStatus(request, response),
                response.getContentWritten(), request.getHeader("Referer"), request.getHeader("User-Agent"),
                durationMicros, joined(request.getHeaders("X-Forwarded-For"))));
    }

    /**
     * The status the client was sent. When a body read asynchronously fails, Tomcat has the publisher's answer sent
     * from its error page and then closes the connection, and marks the response 500 as it does; the publisher's
     * answer is what went out.
     */
    private static int sentStatus(Request request, Response response) {
        if (response.isCommitted() && request.getAttribute(Publisher.ERROR_ANSWER_ATTRIBUTE) instanceof Rendered sent) {
            return sent.status();
        }
        return response.getStatus();
    }

    private static String joined(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        while (values.hasMoreElements()) {
            all.append(',').append(values.nextElement());
        }
        return all.toString();
    }

    @Override
    public void setRequestAttributesEnabled(boolean requestAttributesEnabled) {
        // The peer is always the socket's; jope.trusted-proxies alone decides when a forwarded address counts.
    }

    @Override
    public boolean getRequestAttributesEnabled() {
        return false;
    }

}
