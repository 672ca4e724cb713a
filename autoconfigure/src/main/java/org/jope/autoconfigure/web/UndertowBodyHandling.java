package org.jope.autoconfigure.web;

import java.io.IOException;
import java.util.function.Supplier;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import org.xnio.Options;

/**
 * What Undertow lacks for request bodies, as handler wrappers. {@link #bufferBeforeDispatch} reads the start of a
 * body on the I/O thread ({@link UndertowBodyBuffering}), so that a client that sends its body slowly or not at all
 * holds no worker, only its connection. A body declared larger than Jope accepts goes to a worker at once, to be
 * answered 413 unread. {@link #bodyTimeout} sets the connection's read timeout to the body timeout while a request
 * that has a body is served, and back to the channel timeout when it is done. {@link #closeUnreadBody} marks an
 * exchange whose body was not read as not persistent, and its body as ended, as its answer starts: Undertow then
 * shuts the connection's read side instead of draining the rest of the body on a worker thread, which a client that
 * declares a body and never sends it would hold for ever. {@link #decodeChunksStrictly} puts Jope's strict decoder of
 * chunked bodies in place of Undertow's lenient one.
 */
final class UndertowBodyHandling {

    private UndertowBodyHandling() {
    }

    /**
     * Bodies up to this many of Undertow's buffers (16 KiB each by default) are read whole before dispatch; what is
     * larger is read by the worker, bounded by the body timeout. It is kept small because it is held per connection
     * while the body arrives, in direct memory.
     */
    static final int BUFFERED_BEFORE_DISPATCH = 8;

    /** How far past the body timeout the read timeout moves while a check of Jope's watches the body. */
    static final int AFTER_THE_PUBLISHERS_CHECK_MILLIS = 1000;

    /** When the buffering handler let the exchange through, in nanoTime; absent for one it answered itself. */
    private static final AttachmentKey<Long> BUFFERED = AttachmentKey.create(Long.class);

    /**
     * The buffering handler, with a mark on each exchange that it let through: the time the request was ready for a
     * worker, from which the queue timeout counts (Undertow's own start time would count the upload too).
     */
    static HttpHandler bufferBeforeDispatch(HttpHandler next, Supplier<Long> bodyLimit, ConnectionBounds bounds) {
        HttpHandler ready = (exchange) -> {
            exchange.putAttachment(BUFFERED, System.nanoTime());
            next.handleRequest(exchange);
        };
        HttpHandler buffering = new UndertowBodyBuffering(ready, BUFFERED_BEFORE_DISPATCH, bounds);
        // A body declared larger than the limit is refused unread; buffering it first would keep the 413 (or the
        // 401) waiting for the client to send what will be thrown away.
        return (exchange) -> (exchange.getRequestContentLength() > bodyLimit.get() ? ready : buffering)
                .handleRequest(exchange);
    }

    /**
     * On the worker, once the servlet request exists: the mark becomes the request's arrival. And what is left of
     * the body is bounded by the publisher's own check for silence, which answers 408 at the body timeout: the
     * connection's read timeout moves a second past it, so that Undertow does not close the connection first,
     * with no answer and a 200 in the access log; it still bounds a read that no check watches.
     */
    static HttpHandler recordArrival(HttpHandler next, ConnectionBounds bounds) {
        return (exchange) -> {
            Long ready = exchange.getAttachment(BUFFERED);
            ServletRequestContext context = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
            if (ready != null && context != null) {
                RequestArrival.record(context.getServletRequest(), ready);
            }
            if (hasBody(exchange) && !exchange.isRequestComplete()) {
                exchange.getConnection().setOption(Options.READ_TIMEOUT,
                        bounds.bodyTimeoutMillis() + AFTER_THE_PUBLISHERS_CHECK_MILLIS);
            }
            next.handleRequest(exchange);
        };
    }

    static HttpHandler bodyTimeout(HttpHandler next, ConnectionBounds bounds) {
        return (exchange) -> {
            if (hasBody(exchange)) {
                exchange.getConnection().setOption(Options.READ_TIMEOUT, bounds.bodyTimeoutMillis());
                exchange.addExchangeCompleteListener((done, nextListener) -> {
                    // A body cut off on the I/O thread may lose its connection before the buffering handler can
                    // answer: the read timeout closes it, and so does a client that hangs up. This runs before the
                    // access log's listener, so its line says 408 for a body that may have stalled for the whole
                    // body timeout, and 400 for one cut off sooner, which cannot have stalled.
                    if (done.getAttachment(BUFFERED) == null && !done.isResponseStarted()
                            && done.getStatusCode() == 200) {
                        long servedNanos = System.nanoTime() - done.getRequestStartTime();
                        done.setStatusCode(servedNanos >= bounds.bodyTimeout().toNanos() ? 408 : 400);
                    }
                    try {
                        done.getConnection().setOption(Options.READ_TIMEOUT, bounds.channelTimeoutMillis());
                    }
                    catch (IOException | IllegalArgumentException closed) {
                        // the connection is already gone; nothing to restore
                    }
                    nextListener.proceed();
                });
            }
            next.handleRequest(exchange);
        };
    }

    /**
     * On the I/O thread, before any handler reads the body: a chunked body is decoded by {@link UndertowChunkedBody}.
     */
    static HttpHandler decodeChunksStrictly(HttpHandler next) {
        return (exchange) -> {
            UndertowChunkedBody.replaceUndertowsDecoder(exchange);
            next.handleRequest(exchange);
        };
    }

    static HttpHandler closeUnreadBody(HttpHandler next) {
        return (exchange) -> {
            // As the answer starts, whether the servlet answers on the worker or later, after an asynchronous read:
            // ended, the body reads as finished, so that the servlet's close of its input, which an asynchronous
            // request's completion calls, does not wait on a worker for the rest.
            exchange.addResponseCommitListener((answering) -> {
                if (!answering.isRequestComplete()) {
                    answering.setPersistent(false);
                    Connectors.terminateRequest(answering);
                }
            });
            next.handleRequest(exchange);
        };
    }

    private static boolean hasBody(HttpServerExchange exchange) {
        return exchange.getRequestContentLength() > 0
                || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

}
