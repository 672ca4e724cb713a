package org.jope.autoconfigure.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.jope.core.publisher.InFlightRequests;
import org.jope.core.publisher.Publisher;
import org.jope.core.publisher.PublishingStats;

/**
 * The publish loop's own counts: requests in flight, write conflicts and their retries, and requests shed with a
 * 503. The meters read the publisher's counters when they are published, so the request path does no more than it
 * already did.
 */
class PublisherMetrics implements MeterBinder {

    private final InFlightRequests inFlight;

    private final PublishingStats stats;

    PublisherMetrics(Publisher publisher) {
        this.inFlight = publisher.inFlight();
        this.stats = publisher.stats();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("jope.requests.active", inFlight, InFlightRequests::count)
                .description("Requests the publisher is running now").baseUnit("requests").register(registry);
        FunctionCounter.builder("jope.requests.shed", stats, PublishingStats::shed).tag("reason", "store")
                .description("Requests answered 503, by reason: store, no store connection was free within "
                        + "jope.store.pool-timeout or the store was down; queue-timeout, the request waited longer "
                        + "than jope.server.queue-timeout for a worker")
                .baseUnit("requests").register(registry);
        FunctionCounter.builder("jope.conflicts", stats, PublishingStats::conflicts)
                .description("Write conflicts met, retried or not").register(registry);
        FunctionCounter.builder("jope.conflicts.retries", stats, PublishingStats::retries)
                .description("Requests run again after a write conflict").register(registry);
        FunctionCounter.builder("jope.conflicts.given.up", stats, PublishingStats::conflictsGivenUp)
                .description("Requests answered 503 because they still conflicted after the last retry")
                .baseUnit("requests").register(registry);
    }

}
