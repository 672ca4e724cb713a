package org.jope.autoconfigure.observability;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.jope.core.publisher.ErrorReport;
import org.jope.core.publisher.ExceptionViews;
import org.jope.core.publisher.HttpError;
import org.jope.core.publisher.MethodNotAllowed;
import org.jope.core.publisher.Redirect;
import org.jope.core.publisher.Rendered;
import org.jope.core.publisher.ServiceUnavailable;
import org.jope.core.publisher.Unauthorized;
import org.jope.core.store.ConflictError;
import org.jope.core.store.StoreUnavailable;

/**
 * Counts the exceptions that the standard exception views answer, by exception class: {@code jope.exceptions}
 * tagged {@code exception=NotFound} and so on.
 *
 * <p>The publisher tells no one which exception it answered, so this stands in front of each standard view: it
 * registers, for each class that has a standard view, a view that counts and then renders with a registry of the
 * standard views. Classes for which the site registered its own view are left alone, so the site's views answer as
 * before, uncounted; so are views that the core adds for further classes.
 */
class ExceptionViewMetrics {

    /** The classes for which {@link ExceptionViews} registers a view of its own. */
    private static final List<Class<? extends Throwable>> STANDARD_VIEW_TYPES = List.of(Throwable.class,
            HttpError.class, Unauthorized.class, Redirect.class, MethodNotAllowed.class, ServiceUnavailable.class,
            StoreUnavailable.class, ConflictError.class);

    private final MeterRegistry registry;

    private final ExceptionViews standard = new ExceptionViews();

    private final Map<Class<?>, Counter> counters = new ConcurrentHashMap<>();

    ExceptionViewMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Puts the counting views into the site's registry, except where the site's own views stand. */
    void countIn(ExceptionViews views, Set<Class<?>> typesWithSiteViews) {
        for (Class<? extends Throwable> type : STANDARD_VIEW_TYPES) {
            if (!typesWithSiteViews.contains(type)) {
                views.register(type, this::countAndRender);
            }
        }
    }

    private Rendered countAndRender(Throwable error, ErrorReport report) {
        counters.computeIfAbsent(error.getClass(), (type) -> Counter.builder("jope.exceptions")
                .tag("exception", type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName())
                .description("Exceptions answered by the standard exception views, by class")
                .register(registry)).increment();
        return standard.render(error, report);
    }

}
