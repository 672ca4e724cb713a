package org.jope.autoconfigure.web;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;

import org.jope.core.publisher.Publisher;

/**
 * The QoSHandler that caps Jetty's requests in flight at jope.server.threads, and answers a request parked longer
 * than the queue timeout itself, with Jope's 503, as it expires. Without this every parked request, shed or not,
 * would have to pass the cap one at a time to reach the servlet filter that sheds it, and under overload the last of
 * them waited many seconds for its 503.
 */
final class JettyRequestLimit extends QoSHandler {

    private final QueueTimeoutSheds sheds;

    JettyRequestLimit(Handler handler, int maxRequests, QueueTimeoutSheds sheds) {
        super(handler);
        this.sheds = sheds;
        setMaxRequestCount(maxRequests);
        setMaxSuspend(sheds.timeout());
    }

    /** A request keeps its place until it completes, so the publisher must not pause it asynchronously. */
    @Override
    public boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
        request.setAttribute(Publisher.HOLDS_A_PLACE_ATTRIBUTE, Boolean.TRUE);
        return super.onConditionsMet(request, response, callback);
    }

    @Override
    protected void failSuspended(Request request, Response response, Callback callback, int status,
            Throwable failure) {
        if (status != 503 || response.isCommitted()) {
            super.failSuspended(request, response, callback, status, failure);
            return;
        }
        Object arrived = request.getAttribute(RequestArrival.ATTRIBUTE);
        sheds.record(arrived instanceof Long nanos ? System.nanoTime() - nanos : sheds.timeout().toNanos());
        byte[] body = sheds.body();
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=UTF-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

}
