package org.jope.core.publisher;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.JopeConfig;
import org.jope.core.security.BasicCredentials;
import org.jope.core.security.InitUserFile;
import org.jope.core.store.ConflictError;
import org.jope.core.store.ObjectStore;
import org.jope.core.store.StoreUnavailable;
import org.jope.core.store.Transaction;
import org.jope.core.util.LogRateLimit;

/**
 * The publish loop, after Zope's WSGIPublisher: authenticate, open a transaction, traverse, call the view or the
 * write, commit; on a write conflict abort and run the whole request again after a random backoff; turn exceptions
 * into responses through the exception views unless debug-exceptions lets them through. A retry reads the object
 * it conflicted on under a row lock, so that a hot folder cannot starve one request through every retry.
 *
 * <p>It runs entirely on the calling container thread.
 */
public final class Publisher {

    /** The request attribute that carries the authenticated user's name, for the access log. */
    public static final String USER_ATTRIBUTE = "org.jope.user";

    /** The request attribute that carries an {@link UnhandledError} out of the publisher in debug-exceptions mode. */
    public static final String UNHANDLED_ATTRIBUTE = "org.jope.unhandled";

    private static final Logger logger = LoggerFactory.getLogger(Publisher.class);

    private final ObjectStore store;

    private final InitUserFile users;

    private final Views views;

    private final ExceptionViews exceptionViews;

    private final CreateChild createChild;

    private final PublishingStats stats = new PublishingStats();

    private final InFlightRequests inFlight = new InFlightRequests();

    private final LogRateLimit shedWarnings = new LogRateLimit(Duration.ofSeconds(10));

    private final List<Consumer<? super RuntimeException>> exceptionListeners = new CopyOnWriteArrayList<>();

    private final int maxConflictRetries;

    private final Duration conflictBackoff;

    private final boolean debugExceptions;

    private final long maxRequestBodySize;

    public Publisher(JopeConfig config, ObjectStore store, InitUserFile users, ObjectMapper mapper) {
        this.store = store;
        this.users = users;
        this.views = new Views(mapper);
        this.exceptionViews = new ExceptionViews();
        this.createChild = new CreateChild(mapper);
        this.maxConflictRetries = config.maxConflictRetries();
        this.conflictBackoff = config.conflictBackoff();
        this.debugExceptions = config.debugExceptions();
        this.maxRequestBodySize = config.maxRequestBodySize();
    }

    public void publish(HttpServletRequest request, HttpServletResponse response) throws IOException {
        inFlight.enter();
        try {
            publishTracked(request, response);
        }
        finally {
            inFlight.exit();
        }
    }

    private void publishTracked(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = null;
        Rendered rendered;
        try {
            user = authenticate(request);
            rendered = publishWithRetries(request, user);
        }
        catch (RuntimeException error) {
            rendered = answer(error, request, user);
        }
        rendered.writeTo(response, !"HEAD".equals(request.getMethod()));
    }

    /**
     * Tells the listener of every exception the publisher answers, before the exception views or debug-exceptions
     * take it; metrics count them here. The listener must be quick and must not throw.
     */
    public void addExceptionListener(Consumer<? super RuntimeException> listener) {
        exceptionListeners.add(listener);
    }

    public Views views() {
        return views;
    }

    public ExceptionViews exceptionViews() {
        return exceptionViews;
    }

    public PublishingStats stats() {
        return stats;
    }

    public InFlightRequests inFlight() {
        return inFlight;
    }

    private Rendered publishWithRetries(HttpServletRequest request, String user) {
        boolean reading = isRead(request.getMethod());
        RequestPath path = RequestPath.parse(request.getRequestURI().substring(request.getContextPath().length()));
        RequestBody body = reading ? null : RequestBody.read(request, maxRequestBodySize);
        PublishRequest publishRequest = new PublishRequest(request, path, user, body);
        Set<Long> contended = new TreeSet<>();
        for (int attempt = 0;; attempt++) {
            try (Transaction transaction = attempt == 0 ? store.begin(user, reading)
                    : store.beginRetry(user, reading, contended)) {
                Rendered rendered = handle(transaction, publishRequest);
                transaction.commit();
                return rendered;
            }
            catch (ConflictError conflict) {
                stats.conflict();
                if (attempt >= maxConflictRetries) {
                    stats.gaveUp();
                    throw conflict;
                }
                stats.retry();
                if (conflict.oid() != ConflictError.UNKNOWN_OID) {
                    contended.add(conflict.oid());
                }
                backOff(attempt);
            }
        }
    }

    private Rendered handle(Transaction transaction, PublishRequest request) {
        return switch (request.method()) {
            case "GET", "HEAD" -> render(transaction, request);
            case "PUT" -> PutContent.handle(transaction, request);
            case "POST" -> createChild.handle(transaction, request);
            case "DELETE" -> DeleteObject.handle(transaction, request);
            default -> throw new MethodNotAllowed(request.method(), "GET, HEAD, PUT, POST, DELETE");
        };
    }

    private Rendered render(Transaction transaction, PublishRequest request) {
        Traversed traversed = Traverser.traverse(transaction, request.path());
        String accept = request.header("Accept");
        boolean acceptsJson = accept != null && accept.startsWith(Rendered.JSON);
        Rendered rendered = views.select(traversed.object(), request.path(), acceptsJson).render(traversed, request);
        if (rendered.status() == 200 && request.path().view() == null) {
            return rendered.withHeader("ETag", EntityTags.of(traversed.object().etag()));
        }
        return rendered;
    }

    /** Anonymous reads are fine; a write needs a manager from the inituser file. */
    private String authenticate(HttpServletRequest request) {
        BasicCredentials credentials = BasicCredentials.parse(request.getHeader("Authorization")).orElse(null);
        String user = credentials != null && users.verify(credentials.name(), credentials.password())
                ? credentials.name() : null;
        if (user != null) {
            request.setAttribute(USER_ATTRIBUTE, user);
        }
        if (user == null && !isRead(request.getMethod())) {
            throw new Unauthorized(credentials == null ? "Changing the site needs a manager's login."
                    : "The name or password is wrong.");
        }
        return user;
    }

    /**
     * The exception view's response. With debug-exceptions on, the views are skipped, as in Zope, except the
     * Unauthorized challenge and redirects, which answer the client rather than report a fault: the exception leaves
     * the publisher, with its report in a request attribute, for the {@link UnhandledErrorFilter} to log and answer.
     */
    private Rendered answer(RuntimeException error, HttpServletRequest request, String user) {
        for (Consumer<? super RuntimeException> listener : exceptionListeners) {
            listener.accept(error);
        }
        ErrorReport report = new ErrorReport(newErrorId(), request.getMethod(), request.getRequestURI(), user);
        if (error instanceof StoreUnavailable unavailable) {
            shed(unavailable);
        }
        if (debugExceptions && !(error instanceof Unauthorized) && !(error instanceof Redirect)) {
            request.setAttribute(UNHANDLED_ATTRIBUTE, new UnhandledError(report, error));
            throw error;
        }
        if (!isExpected(error)) {
            logUnhandled(report, error);
        }
        return exceptionViews.render(error, report);
    }

    /** The one place an unhandled error is logged, whether an exception view or the filter answered it. */
    static void logUnhandled(ErrorReport report, Throwable error) {
        logger.error("Error id {} on {} {} (user {})", report.errorId(), report.method(), report.path(),
                report.user() != null ? report.user() : "anonymous", error);
    }

    private void shed(StoreUnavailable unavailable) {
        stats.requestShed();
        if (shedWarnings.tryAcquire()) {
            Throwable cause = unavailable.getCause();
            logger.warn("{} ({}); answered 503, {} more since the last warning", unavailable.getMessage(),
                    cause != null ? cause.getMessage() : "no cause", shedWarnings.takeSuppressed());
        }
    }

    /** Errors that answer the client rather than report a fault of the site. */
    static boolean isExpected(Throwable error) {
        return error instanceof HttpError || error instanceof ConflictError || error instanceof StoreUnavailable;
    }

    private void backOff(int attempt) {
        long bound = conflictBackoff.toMillis() << (attempt + 1);
        if (bound <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("The request was interrupted while waiting to retry.", 1);
        }
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private static String newErrorId() {
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

}
