package org.jope.core.publisher;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.errors.Redirect;
import org.jope.core.errors.TooManyRequests;
import org.jope.core.errors.Unauthorized;
import org.jope.core.exceptionviews.ErrorLog;
import org.jope.core.exceptionviews.ErrorReport;
import org.jope.core.exceptionviews.ExceptionViews;
import org.jope.core.exceptionviews.UnhandledError;
import org.jope.core.http.Rendered;
import org.jope.core.store.StoreUnavailable;
import org.jope.core.util.LogRateLimit;

/**
 * Turns an exception that a request raised into its answer: it tells the listeners, gives the error an id, counts
 * and warns about shed requests, logs faults once, and lets the exception view answer. With debug-exceptions on, the
 * views are skipped, as in Zope, except the Unauthorized challenge and redirects, which answer the client rather
 * than report a fault: the exception then leaves the publisher, with its report in a request attribute, for the
 * outermost filter to log and answer.
 */
public final class ErrorAnswers {

    /** The request attribute that carries an {@link UnhandledError} out of the publisher in debug-exceptions mode. */
    public static final String UNHANDLED_ATTRIBUTE = "org.jope.unhandled";

    private static final Logger logger = LoggerFactory.getLogger(ErrorAnswers.class);

    private final ExceptionViews views = new ExceptionViews();

    private final List<Consumer<? super RuntimeException>> listeners = new CopyOnWriteArrayList<>();

    private final LogRateLimit shedWarnings = new LogRateLimit(Duration.ofSeconds(10));

    private final PublishingStats stats;

    private final boolean debugExceptions;

    ErrorAnswers(PublishingStats stats, boolean debugExceptions) {
        this.stats = stats;
        this.debugExceptions = debugExceptions;
    }

    ExceptionViews views() {
        return views;
    }

    void addListener(Consumer<? super RuntimeException> listener) {
        listeners.add(listener);
    }

    /** The exception view's answer; in debug-exceptions mode, the exception itself, rethrown. */
    Rendered answer(RuntimeException error, HttpServletRequest request, String user) {
        for (Consumer<? super RuntimeException> listener : listeners) {
            listener.accept(error);
        }
        ErrorReport report = new ErrorReport(newErrorId(), request.getMethod(), request.getRequestURI(), user);
        if (error instanceof StoreUnavailable unavailable) {
            shed(unavailable);
        }
        if (debugExceptions && !(error instanceof Unauthorized) && !(error instanceof TooManyRequests)
                && !(error instanceof Redirect)) {
            request.setAttribute(UNHANDLED_ATTRIBUTE, new UnhandledError(report, error));
            throw error;
        }
        ErrorLog.logFault(report, error);
        return views.render(error, report);
    }

    private void shed(StoreUnavailable unavailable) {
        stats.requestShed();
        if (shedWarnings.tryAcquire()) {
            Throwable cause = unavailable.getCause();
            logger.warn("{} ({}); answered 503, {} more since the last warning", unavailable.getMessage(),
                    cause != null ? cause.getMessage() : "no cause", shedWarnings.takeSuppressed());
        }
    }

    private static String newErrorId() {
        byte[] id = new byte[6];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

}
