package org.jope.autoconfigure.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts a request's arrival on the request, for the queue timeout: the time the job that parsed it was handed to the
 * thread pool ({@link JettyQueuedJobs}), or else Jetty's own begin time. Both come before any wait in the
 * QoSHandler, so that wait counts too.
 */
final class JettyArrivalHandler extends Handler.Wrapper {

    JettyArrivalHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Long handedIn = JettyQueuedJobs.takeHandedIn();
        if (request.getAttribute(RequestArrival.ATTRIBUTE) == null) {
            request.setAttribute(RequestArrival.ATTRIBUTE, handedIn != null ? handedIn : request.getBeginNanoTime());
        }
        return super.handle(request, response, callback);
    }

}
