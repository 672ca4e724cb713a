package org.jope.autoconfigure.observability;

import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.jope.autoconfigure.safety.RequestQueueMonitor;
import org.jope.autoconfigure.web.RunningServer;
import org.jope.autoconfigure.web.WorkerPool;

/**
 * The container's request threads, busy and maximum, and the requests waiting for one, the same three gauges on
 * every container. Boot binds thread meters for Tomcat (only with server.tomcat.mbeanregistry.enabled) and Jetty,
 * under different names, and none for Undertow; these read each container's pool through {@link WorkerPool},
 * Undertow's from its XNIO worker. Before the server has started, or where the container keeps no count (a negative
 * figure), the thread gauges read NaN.
 */
class WorkerMetrics implements MeterBinder {

    private final RunningServer server;

    private final RequestQueueMonitor queue;

    WorkerMetrics(RunningServer server, RequestQueueMonitor queue) {
        this.server = server;
        this.queue = queue;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("jope.workers.busy", server, (running) -> read(running, WorkerPool::busyThreads))
                .description("Request threads running a request now").baseUnit("threads").register(registry);
        Gauge.builder("jope.workers.max", server, (running) -> read(running, WorkerPool::maxThreads))
                .description("Request threads the container runs at most").baseUnit("threads").register(registry);
        Gauge.builder("jope.requests.queued", queue, RequestQueueMonitor::depth)
                .description("Requests accepted by the container and waiting for a request thread")
                .baseUnit("requests").register(registry);
    }

    private static double read(RunningServer server, ToIntFunction<WorkerPool> figure) {
        return server.workersIfStarted().map(figure::applyAsInt).filter((value) -> value >= 0).map(Integer::doubleValue)
                .orElse(Double.NaN);
    }

}
