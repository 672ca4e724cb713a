package org.jope.autoconfigure.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;

import org.jope.core.errors.RequestTimeout;
import org.jope.core.http.RequestBody;

/**
 * Reads the start of a request's body on Undertow's I/O thread, without blocking, before the request goes to a
 * worker, as waitress reads a whole request before its task runs: a client that sends its body slowly holds its
 * connection, never a worker. What was read is handed back to the exchange for the servlet to read again.
 *
 * <p>Undertow's own RequestBufferingHandler does the same, but ends the exchange without an answer when the body
 * cannot be read, so that a malformed chunk or a client that hung up mid-body left no status for the client and a
 * 200 in the access log. Here such a body is answered 400 with Jope's plain error and logged in one line, as the
 * publisher answers it on the other containers. A body that falls silent for the body timeout is answered 408 by a
 * check of its own on the I/O thread, as the publisher answers one it reads: the connection's read timeout, which
 * closed the connection without an answer as it fired, is moved a second past it while the body is read here.
 */
final class UndertowBodyBuffering implements HttpHandler {

    private final HttpHandler next;

    private final int maxBuffers;

    private final ConnectionBounds bounds;

    /** @param maxBuffers how many of the connection's pooled buffers a body may fill before it goes on unread */
    UndertowBodyBuffering(HttpHandler next, int maxBuffers, ConnectionBounds bounds) {
        this.next = next;
        this.maxBuffers = maxBuffers;
        this.bounds = bounds;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        // A client that waits for 100 Continue sends no body until the servlet asks for it.
        if (exchange.isRequestComplete() || HttpContinue.requiresContinueResponse(exchange.getRequestHeaders())) {
            next.handleRequest(exchange);
            return;
        }
        Body body = new Body(exchange);
        StreamSourceChannel channel = exchange.getRequestChannel();
        boolean ready;
        try {
            ready = body.read(channel);
        }
        catch (IOException failure) {
            body.unreadable(failure);
            return;
        }
        if (ready) {
            body.handBack();
            next.handleRequest(exchange);
            return;
        }
        body.watchForSilence(channel);
        channel.getReadSetter().set(body);
        channel.resumeReads();
    }

    /**
     * One request's body while it is read: the buffers filled so far, and the one being filled. Its reads and its
     * check for silence all run on the connection's I/O thread, one at a time.
     */
    private final class Body implements ChannelListener<StreamSourceChannel> {

        private final HttpServerExchange exchange;

        private final PooledByteBuffer[] filled = new PooledByteBuffer[maxBuffers];

        private int count;

        private PooledByteBuffer filling;

        private long lastBytesNanos = System.nanoTime();

        private StreamSourceChannel channel;

        private XnioExecutor.Key silenceCheck;

        private boolean done;

        Body(HttpServerExchange exchange) {
            this.exchange = exchange;
        }

        void watchForSilence(StreamSourceChannel channel) throws IOException {
            this.channel = channel;
            exchange.getConnection().setOption(Options.READ_TIMEOUT,
                    bounds.bodyTimeoutMillis() + UndertowBodyHandling.AFTER_THE_PUBLISHERS_CHECK_MILLIS);
            checkSilenceIn(bounds.bodyTimeout().toNanos());
        }

        private void checkSilenceIn(long nanos) {
            silenceCheck = exchange.getIoThread().executeAfter(this::checkSilence, nanos, TimeUnit.NANOSECONDS);
        }

        private void checkSilence() {
            if (done) {
                return;
            }
            long left = bounds.bodyTimeout().toNanos() - (System.nanoTime() - lastBytesNanos);
            if (left > 0) {
                checkSilenceIn(left);
                return;
            }
            channel.getReadSetter().set(null);
            channel.suspendReads();
            unreadable(new InterruptedIOException("the body fell silent for " + bounds.bodyTimeout()));
        }

        /** Reads what has arrived: true once the body is whole or the buffers are full, false while it waits. */
        boolean read(StreamSourceChannel channel) throws IOException {
            while (true) {
                if (filling == null) {
                    filling = exchange.getConnection().getByteBufferPool().allocate();
                }
                ByteBuffer bytes = filling.getBuffer();
                int read = channel.read(bytes);
                if (read == 0) {
                    return false;
                }
                lastBytesNanos = System.nanoTime();
                if (read == -1 || !bytes.hasRemaining()) {
                    keepFilling(bytes);
                    if (read == -1 || count == maxBuffers) {
                        return true;
                    }
                }
            }
        }

        /** Called by the I/O thread when more of the body has arrived. */
        @Override
        public void handleEvent(StreamSourceChannel channel) {
            try {
                if (!read(channel)) {
                    return;
                }
            }
            catch (IOException failure) {
                channel.getReadSetter().set(null);
                channel.suspendReads();
                unreadable(failure);
                return;
            }
            channel.getReadSetter().set(null);
            channel.suspendReads();
            handBack();
            Connectors.executeRootHandler(next, exchange);
        }

        void handBack() {
            stopWatching();
            Connectors.ungetRequestBytes(exchange, filled);
            Connectors.resetRequestChannel(exchange);
        }

        void unreadable(IOException failure) {
            stopWatching();
            for (PooledByteBuffer buffer : filled) {
                IoUtils.safeClose(buffer);
            }
            IoUtils.safeClose(filling);
            boolean timedOut = failure instanceof InterruptedIOException;
            if (!timedOut) {
                RequestBody.logUnreadable(exchange.getRequestMethod().toString(), exchange.getRequestURI(), failure);
            }
            // Undertow may have closed the connection and ended the exchange already (its read timeout does); the
            // access line then has its status from UndertowBodyHandling.bodyTimeout.
            if (exchange.isComplete() || exchange.isResponseStarted()) {
                return;
            }
            if (timedOut) {
                UndertowPlainAnswer.send(exchange, 408, RequestTimeout.MESSAGE + ".");
            }
            else {
                UndertowPlainAnswer.send(exchange, 400, RequestBody.UNREADABLE + ".");
            }
        }

        private void stopWatching() {
            done = true;
            if (silenceCheck != null) {
                silenceCheck.remove();
            }
        }

        private void keepFilling(ByteBuffer bytes) {
            if (bytes.position() == 0) {
                filling.close();
            }
            else {
                bytes.flip();
                filled[count++] = filling;
            }
            filling = null;
        }

    }

}
