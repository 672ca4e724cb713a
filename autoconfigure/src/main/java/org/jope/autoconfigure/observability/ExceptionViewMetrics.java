package org.jope.autoconfigure.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the exceptions that the publisher answers, by exception class: {@code jope.exceptions} tagged
 * {@code exception=NotFound} and so on, whichever view, the site's own or a standard one, then answers them.
 */
class ExceptionViewMetrics implements Consumer<RuntimeException> {

    private final MeterRegistry registry;

    private final Map<Class<?>, Counter> counters = new ConcurrentHashMap<>();

    ExceptionViewMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(RuntimeException error) {
        counters.computeIfAbsent(error.getClass(), (type) -> Counter.builder("jope.exceptions")
                .tag("exception", type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName())
                .description("Exceptions the publisher answered, by class")
                .register(registry)).increment();
    }

}
