package org.jope.core.publisher;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * <p>It runs entirely on the calling container thread, but for a throttled login, whose 429 is sent after a pause
 * by {@link ThrottledAnswers}, whose thread {@link #close} stops.
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

    private final ObjectStore store;

    private final Authenticator authenticator;

    private final Views views;

    private final Writes writes;

    private final RequestPaths paths = new RequestPaths();

    private final PublishingStats stats = new PublishingStats();

    private final ErrorAnswers errors;

    private final InFlightRequests inFlight = new InFlightRequests();

    private final ThrottledAnswers throttled = new ThrottledAnswers(stats);

    private final ConflictRetries retries;

    private final BodyMemory bodyMemory;

    public Publisher(JopeConfig config, ObjectStore store, Authenticator authenticator, ObjectMapper mapper) {
        this.store = store;
        this.authenticator = authenticator;
        this.views = new Views(mapper);
        this.writes = new Writes(mapper);
        this.errors = new ErrorAnswers(stats, config.debugExceptions());
        this.retries = new ConflictRetries(stats, config.maxConflictRetries(), config.conflictBackoff());
        this.bodyMemory = BodyMemory.of(config);
    }

    public void publish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        inFlight.enter();
        try {
            boolean withBody = !"HEAD".equals(request.getMethod());
            Rendered rendered;
            try {
                rendered = answer(request);
            }
            catch (RuntimeException error) {
                rendered = errors.answer(error, request, Authenticator.userOf(request));
                request.setAttribute(ERROR_ANSWER_ATTRIBUTE, rendered);
                if (error instanceof TooManyRequests && throttled.sendLater(request, response, rendered, withBody)) {
                    return;
                }
            }
            rendered.writeTo(response, withBody);
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

    private Rendered answer(HttpServletRequest request) {
        RequestPath path = paths.of(request.getRequestURI().substring(request.getContextPath().length()));
        if (!isRead(request.getMethod())) {
            // Before the login, so that TRACE or a made-up method gets its 405 whoever sends it.
            Writes.refuseUnknownMethod(request.getMethod(), request.getRequestURI(), path);
            String user = authenticator.authenticate(request);
            try (BodyMemory.Share share = bodyMemory.share()) {
                return publishWithRetries(request, path, user, RequestBody.read(request, share));
            }
        }
        authenticator.recognize(request);
        Rendered cached = views.renderCached(store, path, request);
        return (cached != null) ? cached : publishWithRetries(request, path, null, null);
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
        throttled.close();
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

}
