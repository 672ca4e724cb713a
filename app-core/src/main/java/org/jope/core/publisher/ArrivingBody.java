package org.jope.core.publisher;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jope.core.errors.RequestTimeout;
import org.jope.core.http.BodyBytes;
import org.jope.core.http.BodyMemory;
import org.jope.core.http.RequestBody;

/**
 * Reads a write's body as it arrives, with Servlet non-blocking input, and only then runs the write, on a container
 * thread: the request goes asynchronous, the container calls back as bytes come, each call copies what is there,
 * and no thread waits between them. Read with a blocking stream, a body that a client sent slowly or never held a
 * worker until the body timeout, and a few managers' stalled uploads took the site down. This is how waitress
 * serves Zope: a whole request is read on its asynchronous channel before a worker runs it.
 *
 * <p>A body that falls silent for the body timeout is answered 408 by a timer here: while a request is asynchronous,
 * Tomcat's read timeout is the channel timeout, not the body timeout.
 */
final class ArrivingBody implements ReadListener {

    /** What happens once the body is in, or could not be read; both run on a container thread, never on I/O. */
    interface Then {

        void arrived(RequestBody body);

        /** The body could not be read, or was refused; its answer must close the connection. */
        void failed(RuntimeException answer);

        /**
         * The body could not be read, and the container answers that itself with an error dispatch once this
         * callback returns, as Tomcat does: what the publisher would have answered must be there for it.
         */
        void answeredByTheContainer(RuntimeException answer);

    }

    private final HttpServletRequest request;

    private final AsyncContext async;

    private final ServletInputStream in;

    private final BodyBytes body;

    private final Then then;

    private final long timeoutNanos;

    private volatile long lastArrivalNanos = System.nanoTime();

    /** The next check for silence; cancelled once the outcome is handed on, so that it keeps no body from the GC. */
    private ScheduledFuture<?> silenceCheck;

    /** Set once the outcome has been handed on, so that a late callback cannot hand on a second one. */
    private boolean done;

    private ArrivingBody(HttpServletRequest request, AsyncContext async, ServletInputStream in, BodyBytes body,
            Then then, Duration timeout) {
        this.request = request;
        this.async = async;
        this.in = in;
        this.body = body;
        this.then = then;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Whether the body of {@code request} is better read here than by a blocking read: it has one still to come,
     * and the request can go asynchronous without keeping a place that others wait for.
     */
    static boolean shouldRead(HttpServletRequest request) {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        // A client waiting for 100 Continue sends nothing until the body is read, which Tomcat takes to mean a
        // blocking read: a listener would wait for bytes that wait for it.
        boolean awaitsContinue = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
        return hasBody && !awaitsContinue && request.isAsyncSupported()
                && request.getAttribute(RequestBody.ARRIVED_ATTRIBUTE) == null
                && request.getAttribute(Publisher.HOLDS_A_PLACE_ATTRIBUTE) == null;
    }

    /**
     * Starts reading. The request is asynchronous when this returns; {@code then} completes it. A body declared
     * larger than the limit is refused here, before the request goes asynchronous.
     */
    static void read(HttpServletRequest request, HttpServletResponse response, BodyMemory.Share share, Then then,
            Duration timeout, ScheduledExecutorService timer) throws IOException {
        BodyBytes body = BodyBytes.of(request.getContentLengthLong(), share);
        AsyncContext async = request.startAsync(request, response);
        // No deadline for the whole body, which a large upload on a slow link may pass lawfully; silence is bounded.
        async.setTimeout(0);
        async.addListener(new GiveBack(share));
        ServletInputStream in = request.getInputStream();
        ArrivingBody arriving = new ArrivingBody(request, async, in, body, then, timeout);
        in.setReadListener(arriving);
        arriving.checkSilenceIn(timer, arriving.timeoutNanos);
    }

    @Override
    public void onDataAvailable() {
        try {
            while (in.isReady()) {
                int read = body.readFrom(in);
                if (read < 0) {
                    // Asked once more, a finished stream says so, which is when Undertow calls onAllDataRead.
                    in.isReady();
                    return;
                }
                if (read > 0) {
                    lastArrivalNanos = System.nanoTime();
                }
            }
        }
        catch (IOException failure) {
            unreadable(failure);
        }
        catch (RuntimeException refused) {
            refuse(refused);
        }
    }

    @Override
    public void onAllDataRead() {
        RequestBody arrived;
        try {
            arrived = RequestBody.of(request, body.bytes());
        }
        catch (IOException failure) {
            unreadable(failure);
            return;
        }
        catch (RuntimeException refused) {
            refuse(refused);
            return;
        }
        if (handOn()) {
            async.start(() -> then.arrived(arrived));
        }
    }

    @Override
    public void onError(Throwable failure) {
        unreadable(failure);
    }

    private synchronized void checkSilenceIn(ScheduledExecutorService timer, long delayNanos) {
        if (done) {
            return;
        }
        silenceCheck = timer.schedule(() -> {
            long silent = System.nanoTime() - lastArrivalNanos;
            if (silent >= timeoutNanos) {
                refuse(new RequestTimeout());
            }
            else {
                checkSilenceIn(timer, timeoutNanos - silent);
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void unreadable(Throwable failure) {
        if (handOn()) {
            RuntimeException answer = RequestBody.unreadable(request, failure);
            // Tomcat marks a read that failed so, and sends its error page for it after this callback.
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null) {
                then.answeredByTheContainer(answer);
                return;
            }
            async.start(() -> then.failed(answer));
        }
    }

    private void refuse(RuntimeException answer) {
        if (handOn()) {
            async.start(() -> then.failed(answer));
        }
    }

    /** Gives the body's share back however the request ends, the container's own error dispatch included. */
    private record GiveBack(BodyMemory.Share share) implements AsyncListener {

        @Override
        public void onComplete(AsyncEvent event) {
            share.close();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // never: the request has no async timeout
        }

        @Override
        public void onError(AsyncEvent event) {
            // the container completes it, and onComplete gives the share back
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not started again
        }

    }

    private synchronized boolean handOn() {
        if (done) {
            return false;
        }
        done = true;
        if (silenceCheck != null) {
            silenceCheck.cancel(false);
        }
        return true;
    }

}
