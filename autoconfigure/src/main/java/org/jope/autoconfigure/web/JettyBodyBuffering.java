package org.jope.autoconfigure.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.jope.core.http.BodyBytes;
import org.jope.core.http.BodyMemory;
import org.jope.core.http.RequestBody;

/**
 * Reads a write's body on Jetty before the request takes one of the QoSHandler's places, as waitress reads a whole
 * request before a worker runs it: Jetty calls back as bytes arrive and no thread waits between them, and only a
 * complete request goes on to the cap and the publisher. On Tomcat and Undertow the publisher reads a body as it
 * arrives itself, after the login ({@code ArrivingBody}); on Jetty a request keeps its place under the cap until it
 * completes, so a few managers' stalled uploads, read there, would fill the places the readers wait for.
 *
 * <p>The bytes are copied into the heap and taken from {@link BodyMemory} as they arrive, not as declared, since the
 * login is not checked yet: a client that declares a large body and sends none holds none of the budget. They go on
 * as the request's content, for whatever serves it, and as {@link RequestBody#ARRIVED_ATTRIBUTE}, which the publisher
 * takes without a copy. A body refused for its size goes on as that refusal, and so does one that cannot be read (a
 * 400) or that stalls past the body timeout (a 408), which the publisher answers once the login is checked.
 * Only writes that bring a login are read here: any other body is no publisher's to read, and an anonymous write is
 * answered 401 without it. So is a client that waits for 100 Continue, which is sent only when the publisher reads.
 */
final class JettyBodyBuffering extends Handler.Wrapper {

    /** The application's, or null while there is none. */
    private final Supplier<BodyMemory> memory;

    JettyBodyBuffering(Handler handler, Supplier<BodyMemory> memory) {
        super(handler);
        this.memory = memory;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        BodyMemory bodies = memory.get();
        if (bodies == null || !shouldRead(request)) {
            return super.handle(request, response, callback);
        }
        BodyMemory.Share share = bodies.share();
        // Given back as the answer starts, when the write is done with the body, as on the other containers; and
        // when the request completes, for one that never answered.
        Response answering = new Response.Wrapper(request, response) {

            @Override
            public void write(boolean last, ByteBuffer content, Callback written) {
                share.close();
                super.write(last, content, written);
            }

        };
        Callback done = Callback.from(callback, share::close);
        BodyBytes body;
        try {
            body = BodyBytes.asItArrives(request.getLength(), share);
        }
        catch (RuntimeException refused) {
            return handOn(refusing(request, refused), answering, done);
        }
        new Reading(request, answering, done, body).run();
        return true;
    }

    private static boolean shouldRead(Request request) {
        String method = request.getMethod();
        boolean hasBody = request.getLength() > 0
                || (request.getLength() < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
        return hasBody && !HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)
                && request.getHeaders().contains(HttpHeader.AUTHORIZATION)
                && !request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString());
    }

    /**
     * Hands the request on, from a demand callback where nothing above is left to answer a 404. It arrives now, for
     * the queue timeout: the time its client took to send the body was no wait for a worker.
     */
    private boolean handOn(Request request, Response response, Callback callback) {
        request.setAttribute(RequestArrival.ATTRIBUTE, System.nanoTime());
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        }
        catch (Throwable failure) {
            callback.failed(failure);
        }
        return true;
    }

    /** The request with its body refused: the publisher answers the refusal, and any other reader fails to read it. */
    private static Request refusing(Request request, RuntimeException refused) {
        request.setAttribute(RequestBody.ARRIVED_ATTRIBUTE, refused);
        IOException failure = new IOException(refused.getMessage(), refused);
        return new Request.Wrapper(request) {

            @Override
            public Content.Chunk read() {
                return Content.Chunk.from(failure, true);
            }

            @Override
            public void demand(Runnable demandCallback) {
                demandCallback.run();
            }

        };
    }

    /** The request with its body, all arrived, as its content. */
    private static Request arrived(Request request, byte[] bytes) {
        request.setAttribute(RequestBody.ARRIVED_ATTRIBUTE, bytes);
        Content.Source content = Content.Source.from(ByteBuffer.wrap(bytes));
        return new Request.Wrapper(request) {

            @Override
            public Content.Chunk read() {
                return content.read();
            }

            @Override
            public void demand(Runnable demandCallback) {
                content.demand(demandCallback);
            }

            @Override
            public void fail(Throwable failure) {
                content.fail(failure);
            }

        };
    }

    /** One body being read: each demand callback copies what has arrived, then asks for more. */
    private final class Reading implements Runnable {

        private final Request request;

        private final Response response;

        private final Callback callback;

        private final BodyBytes body;

        Reading(Request request, Response response, Callback callback, BodyBytes body) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = body;
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // A failure that is not last is Jetty's idle timeout, the body timeout here: not fatal to a
                    // reader that would wait on, so it is made the end of this body.
                    handOn(refusing(request, RequestBody.unreadable(request.getMethod(),
                            request.getHttpURI().getPath(), chunk.getFailure())), response, callback);
                    return;
                }
                try {
                    body.append(chunk.getByteBuffer());
                }
                catch (RuntimeException refused) {
                    handOn(refusing(request, refused), response, callback);
                    return;
                }
                finally {
                    chunk.release();
                }
                if (chunk.isLast()) {
                    finish();
                    return;
                }
            }
        }

        private void finish() {
            byte[] bytes;
            try {
                bytes = body.bytes();
            }
            catch (IOException cutOff) {
                handOn(refusing(request, RequestBody.unreadable(request.getMethod(), request.getHttpURI().getPath(),
                        cutOff)), response, callback);
                return;
            }
            handOn(arrived(request, bytes), response, callback);
        }

    }

}
