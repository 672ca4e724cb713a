package org.jope.autoconfigure.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection of a request answered before its body was read, instead of letting Tomcat swallow the rest
 * of the body on the worker thread: a client that declares a body and never sends it would otherwise hold that
 * worker until the read times out, and a handful of them take the site down.
 *
 * <p>It sits on the engine, outside the host's error-page handling, because Tomcat's only switch for this,
 * DISABLE_SWALLOW_INPUT, also flags the exchange as an error and turns a status below 400 into 500. So the answer is
 * finished first (with {@code Connection: close} when it is not yet committed), then the swallow is disabled, which
 * closes the socket, and the status that was sent is put back for the access log.
 */
final class TomcatUnreadBodyValve extends ValveBase {

    TomcatUnreadBodyValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        try {
            getNext().invoke(request, response);
        }
        finally {
            if (!request.isAsync() && !request.getCoyoteRequest().isFinished()) {
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
                response.finishResponse();
                int sent = response.getCoyoteResponse().getStatus();
                request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                response.getCoyoteResponse().setStatus(sent);
            }
        }
    }

}
