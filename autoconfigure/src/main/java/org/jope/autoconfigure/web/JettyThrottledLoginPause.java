package org.jope.autoconfigure.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import org.jope.core.security.Authenticator;

/**
 * Holds back a request that brings a login from a throttled address for the throttle's pause, before it takes one
 * of the QoSHandler's places, and with no thread meanwhile: Jetty's scheduler waits, then the request goes on to
 * the cap and to the publisher, which answers its 429 at once. On the other containers the publisher pauses the
 * answer itself, asynchronously; on Jetty that would keep the request's place under the cap for the whole pause, so
 * that a handful of guessers would fill the places the readers wait for.
 */
final class JettyThrottledLoginPause extends Handler.Wrapper {

    /** The application's, or null while there is none. */
    private final Supplier<Authenticator> authenticator;

    private final Duration pause;

    JettyThrottledLoginPause(Handler handler, Supplier<Authenticator> authenticator, Duration pause) {
        super(handler);
        this.authenticator = authenticator;
        this.pause = pause;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!request.getHeaders().contains(HttpHeader.AUTHORIZATION) || !isThrottled(request)) {
            return super.handle(request, response, callback);
        }
        Server server = getServer();
        server.getScheduler().schedule(() -> server.getThreadPool().execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            }
            catch (Throwable failure) {
                callback.failed(failure);
            }
        }), pause.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    private boolean isThrottled(Request request) {
        Authenticator logins = authenticator.get();
        return logins != null && logins.isThrottled(Request.getRemoteAddr(request));
    }

}
