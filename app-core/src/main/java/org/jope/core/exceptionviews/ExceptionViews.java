package org.jope.core.exceptionviews;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.owasp.encoder.Encode;

import org.jope.core.errors.HttpError;
import org.jope.core.errors.MethodNotAllowed;
import org.jope.core.errors.Redirect;
import org.jope.core.errors.ServiceUnavailable;
import org.jope.core.errors.TooManyRequests;
import org.jope.core.errors.Unauthorized;
import org.jope.core.http.HeaderValues;
import org.jope.core.http.HtmlDocument;
import org.jope.core.http.ReasonPhrases;
import org.jope.core.http.Rendered;
import org.jope.core.store.ConflictError;
import org.jope.core.store.StoreUnavailable;

/**
 * The registry of exception views. The view registered for the most specific class of the exception answers it; a
 * user's registration replaces the standard one for that class. Anything without a more specific view gets the
 * standard error page: a 500 that shows the error id and nothing of the exception.
 */
public final class ExceptionViews {

    /** Seconds a client should wait before retrying after a 503. */
    private static final int RETRY_AFTER_SECONDS = 1;

    private final Map<Class<?>, ExceptionView<?>> views = new ConcurrentHashMap<>();

    public ExceptionViews() {
        register(Throwable.class, ExceptionViews::standardErrorPage);
        register(HttpError.class, ExceptionViews::statusPage);
        register(Unauthorized.class, ExceptionViews::challenge);
        register(Redirect.class, (error, report) -> statusPage(error, report)
                .withHeader("Location", HeaderValues.uriReference(error.location())));
        register(MethodNotAllowed.class, (error, report) -> statusPage(error, report).withHeader("Allow", error.allow()));
        register(TooManyRequests.class, (error, report) -> statusPage(error, report)
                .withHeader("Retry-After", Long.toString(error.retryAfterSeconds())));
        register(ServiceUnavailable.class, (error, report) -> retryLater(error.getMessage()));
        register(StoreUnavailable.class, (error, report) -> retryLater("The store is busy or unavailable."));
        register(ConflictError.class, (error, report) -> retryLater("The request kept conflicting with others."));
    }

    public <E extends Throwable> void register(Class<E> type, ExceptionView<? super E> view) {
        views.put(type, view);
    }

    /** The view for this exception, found by walking up from its class to Throwable. */
    public Rendered render(Throwable error, ErrorReport report) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            ExceptionView<?> view = views.get(type);
            if (view != null) {
                return renderWith(view, error, report);
            }
        }
        throw new IllegalStateException("No exception view for " + error.getClass(), error);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> Rendered renderWith(ExceptionView<E> view, Throwable error,
            ErrorReport report) {
        return view.render((E) error, report);
    }

    private static Rendered challenge(Unauthorized error, ErrorReport report) {
        return statusPage(error, report).withHeader("WWW-Authenticate", "Basic realm=\"Jope\"");
    }

    private static Rendered statusPage(HttpError error, ErrorReport report) {
        String title = error.status() + " " + ReasonPhrases.of(error.status());
        return Rendered.html(error.status(), HtmlDocument.of(title, "<p>" + Encode.forHtml(error.getMessage()) + "</p>\n"));
    }

    private static Rendered retryLater(String message) {
        return Rendered.html(503, HtmlDocument.of("503 Service Unavailable",
                "<p>" + Encode.forHtml(message) + " Please try again shortly.</p>\n"))
                .withHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }

    private static Rendered standardErrorPage(Throwable error, ErrorReport report) {
        return Rendered.html(500, HtmlDocument.of("500 Internal Server Error",
                "<p>The site met an error it could not handle. Quote this error id when you report it: <code>"
                        + Encode.forHtml(report.errorId()) + "</code></p>\n"));
    }

}
