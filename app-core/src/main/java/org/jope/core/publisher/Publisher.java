package org.jope.core.publisher;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.config.JopeConfig;
import org.jope.core.errors.TooManyRequests;
import org.jope.core.exceptionviews.ExceptionViews;
import org.jope.core.http.BodyMemory;
import org.jope.core.http.PublishRequest;
import org.jope.core.http.Rendered;
import org.jope.core.http.RequestBody;
import org.jope.core.http.RequestPath;
import org.jope.core.http.RequestPaths;
import org.jope.core.security.Authenticator;
import org.jope.core.store.ConflictError;
import org.jope.core.store.ObjectStore;
import org.jope.core.store.Transaction;
import org.jope.core.views.Views;
import org.jope.core.writes.Writes;

/**
 * The publish loop, after Zope's WSGIPublisher: authenticate a write, open a transaction, call the view or the
 * write, commit; on a write conflict abort and run the whole request again after a random backoff. A retry reads the
 * object it conflicted on under a row lock, so that a hot folder cannot starve one request through every retry.
 * Whatever it raises, {@link ErrorAnswers} turns into the answer. A read is authenticated only if its view asks who
 * sent it, so that an anonymous read never costs a password check; a login already cached is named in the access
 * log.
 *
 * <p>It runs on the calling container thread, but for a write whose body is still to come, which is read as it
 * arrives and then run on a container thread ({@link ArrivingBody}), and for a throttled login, whose 429 is sent
 * after a pause by {@link ThrottledAnswers}; {@link #close} stops the one thread that times both.
 */
public final class Publisher implements AutoCloseable {

    /**
     * A request attribute that a container integration sets on a request that holds one of a bounded number of
     * places until it completes, as under Jetty's QoSHandler: such a request is never paused asynchronously, where it
     * would keep its place from the requests waiting for one.
     */
    public static final String HOLDS_A_PLACE_ATTRIBUTE = "org.jope.holdsAPlace";

    /**
     * How long a throttled login waits for its 429: long enough to make guessing slow, short enough that a manager
     * who mistyped sees the answer without waiting.
     */
    public static final Duration THROTTLED_LOGIN_PAUSE = Duration.ofSeconds(1);

    /**
     * The request attribute that keeps the publisher's error answer, for a container that takes the answer over
     * itself (Tomcat does when a body cannot be read) and dispatches to its error page: that page sends this answer.
     */
    public static final String ERROR_ANSWER_ATTRIBUTE = "org.jope.errorAnswer";

    private static final Logger logger = LoggerFactory.getLogger(Publisher.class);

    private final ObjectStore store;

    private final Authenticator authenticator;

    private final Views views;

    private final Writes writes;

    private final RequestPaths paths = new RequestPaths();

    private final PublishingStats stats = new PublishingStats();

    private final ErrorAnswers errors;

    private final InFlightRequests inFlight = new InFlightRequests();

    /** The one thread that times what the publisher waits for without a thread: bodies, throttled answers. */
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, (task) -> {
        Thread thread = new Thread(task, "jope-publisher-timer");
        thread.setDaemon(true);
        return thread;
    });

    private final ThrottledAnswers throttled = new ThrottledAnswers(stats, timer);

    private final ConflictRetries retries;

    private final BodyMemory bodyMemory;

    private final Duration bodyTimeout;

    /**
     * Off in debug-exceptions mode, where an exception must reach the container with the request's filters on the
     * stack, as it cannot from a body's callback; a worker that waits for a slow client matters less there.
     */
    private final boolean readsBodiesAsTheyArrive;

    public Publisher(JopeConfig config, ObjectStore store, Authenticator authenticator, ObjectMapper mapper) {
        this.store = store;
        this.authenticator = authenticator;
        this.views = new Views(mapper);
        this.writes = new Writes(mapper);
        this.errors = new ErrorAnswers(stats, config.debugExceptions());
        this.retries = new ConflictRetries(stats, config.maxConflictRetries(), config.conflictBackoff());
        this.bodyMemory = BodyMemory.of(config);
        this.bodyTimeout = config.bodyTimeout();
        this.readsBodiesAsTheyArrive = !config.debugExceptions();
        // A body's check for silence is cancelled once it has arrived; gone from the queue, it holds no body.
        timer.setRemoveOnCancelPolicy(true);
    }

    public void publish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        inFlight.enter();
        try {
            Rendered rendered;
            try {
                rendered = answer(request, response);
            }
            catch (RuntimeException error) {
                rendered = errorAnswer(error, request);
                if (error instanceof TooManyRequests
                        && throttled.sendLater(request, response, rendered, withBody(request))) {
                    return;
                }
            }
            if (rendered != null) {
                rendered.writeTo(response, withBody(request));
            }
        }
        finally {
            inFlight.exit();
        }
    }

    /**
     * Tells the listener of every exception the publisher answers, before the exception views or debug-exceptions
     * take it; metrics count them here. The listener must be quick and must not throw.
     */
    public void addExceptionListener(Consumer<? super RuntimeException> listener) {
        errors.addListener(listener);
    }

    public Views views() {
        return views;
    }

    public ExceptionViews exceptionViews() {
        return errors.views();
    }

    public PublishingStats stats() {
        return stats;
    }

    public InFlightRequests inFlight() {
        return inFlight;
    }

    public BodyMemory bodyMemory() {
        return bodyMemory;
    }

    /** The answer, or null when a write waits for its body and is answered once it has arrived. */
    private Rendered answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestPath path = paths.of(request.getRequestURI().substring(request.getContextPath().length()));
        if (!isRead(request.getMethod())) {
            // Before the login, so that TRACE or a made-up method gets its 405 whoever sends it.
            Writes.refuseUnknownMethod(request.getMethod(), request.getRequestURI(), path);
            String user = authenticator.authenticate(request);
            BodyMemory.Share share = bodyMemory.share();
            if (readsBodiesAsTheyArrive && ArrivingBody.shouldRead(request)) {
                try {
                    ArrivingBody.read(request, response, share, new Arrival(request, response, path, user, share),
                            bodyTimeout, timer);
                }
                catch (RuntimeException refused) {
                    share.close();
                    throw refused;
                }
                return null;
            }
            try (share) {
                return publishWithRetries(request, path, user, RequestBody.read(request, share));
            }
        }
        authenticator.recognize(request);
        Rendered cached = views.renderCached(store, path, request);
        return (cached != null) ? cached : publishWithRetries(request, path, null, null);
    }

    private Rendered errorAnswer(RuntimeException error, HttpServletRequest request) {
        Rendered rendered = errors.answer(error, request, Authenticator.userOf(request));
        request.setAttribute(ERROR_ANSWER_ATTRIBUTE, rendered);
        return rendered;
    }

    private Rendered publishWithRetries(HttpServletRequest http, RequestPath path, String user, RequestBody body) {
        boolean reading = isRead(http.getMethod());
        PublishRequest request = new PublishRequest(http, path,
                reading ? () -> authenticator.identify(http) : () -> user, body);
        Set<Long> contended = Set.of();
        for (int attempt = 0;; attempt++) {
            try (Transaction transaction = attempt == 0 ? store.begin(user, reading)
                    : store.beginRetry(user, reading, contended)) {
                Rendered rendered = reading ? views.render(transaction, request) : writes.handle(transaction, request);
                transaction.commit();
                return rendered;
            }
            catch (ConflictError conflict) {
                contended = retries.afterConflict(conflict, attempt, contended);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * A write whose body is read as it arrives ({@link ArrivingBody}): run and answered on a container thread once
     * its body is in, which then completes the request.
     */
    private final class Arrival implements ArrivingBody.Then {

        private final HttpServletRequest request;

        private final HttpServletResponse response;

        private final RequestPath path;

        private final String user;

        /** Given back as soon as the write is done, before its answer is sent; and again, idly, when it completes. */
        private final BodyMemory.Share share;

        Arrival(HttpServletRequest request, HttpServletResponse response, RequestPath path, String user,
                BodyMemory.Share share) {
            this.request = request;
            this.response = response;
            this.path = path;
            this.user = user;
            this.share = share;
        }

        @Override
        public void arrived(RequestBody body) {
            inFlight.enter();
            try {
                Rendered rendered;
                try {
                    rendered = publishWithRetries(request, path, user, body);
                }
                catch (RuntimeException error) {
                    rendered = errorAnswer(error, request);
                }
                send(rendered);
            }
            finally {
                inFlight.exit();
            }
        }

        @Override
        public void failed(RuntimeException answer) {
            // The rest of the body may still come, or never: the connection is not worth keeping for it.
            response.setHeader("Connection", "close");
            send(errorAnswer(answer, request));
        }

        @Override
        public void answeredByTheContainer(RuntimeException answer) {
            response.setHeader("Connection", "close");
            errorAnswer(answer, request);
        }

        private void send(Rendered rendered) {
            share.close();
            try {
                rendered.writeTo(response, true);
            }
            catch (IOException | RuntimeException gone) {
                logger.debug("The answer to {} {} was not sent: {}", request.getMethod(), request.getRequestURI(),
                        gone.toString());
            }
            finally {
                request.getAsyncContext().complete();
            }
        }

    }

    private static boolean withBody(HttpServletRequest request) {
        return !"HEAD".equals(request.getMethod());
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

}
