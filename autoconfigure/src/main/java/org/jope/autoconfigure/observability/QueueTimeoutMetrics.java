package org.jope.autoconfigure.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.jope.autoconfigure.safety.QueueTimeoutFilter;

/** The requests shed for waiting too long for a worker, beside those the publisher sheds for the store. */
class QueueTimeoutMetrics implements MeterBinder {

    private final QueueTimeoutFilter filter;

    QueueTimeoutMetrics(QueueTimeoutFilter filter) {
        this.filter = filter;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("jope.requests.shed", filter, QueueTimeoutFilter::shed).tag("reason", "queue-timeout")
                .description("Requests answered 503, by reason: store, no store connection was free within "
                        + "jope.store.pool-timeout or the store was down; queue-timeout, the request waited longer "
                        + "than jope.server.queue-timeout for a worker")
                .baseUnit("requests").register(registry);
    }

}
