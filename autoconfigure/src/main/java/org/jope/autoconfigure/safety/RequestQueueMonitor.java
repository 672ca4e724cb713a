package org.jope.autoconfigure.safety;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import org.jope.autoconfigure.web.WorkerPool;
import org.jope.core.util.LogRateLimit;

/**
 * Watches the requests that wait for a worker, like waitress's "Task queue depth is N": once a second it samples the
 * running container's queue, and while requests wait it warns, at most once per interval. Sampling keeps the
 * request path free of any bookkeeping.
 */
public class RequestQueueMonitor implements ApplicationListener<ServletWebServerInitializedEvent>, DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(RequestQueueMonitor.class);

    private final LogRateLimit warnings;

    private volatile WorkerPool workers;

    private ScheduledExecutorService sampler;

    public RequestQueueMonitor(Duration warningInterval) {
        this.warnings = new LogRateLimit(warningInterval);
    }

    /** Requests accepted by the container and waiting for a worker now; 0 before the server has started. */
    public int depth() {
        WorkerPool current = workers;
        return current != null ? current.queueDepth() : 0;
    }

    /** The running container's request workers, once it has started. */
    public Optional<WorkerPool> workers() {
        return Optional.ofNullable(workers);
    }

    @Override
    public synchronized void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null || sampler != null) {
            return;
        }
        workers = WorkerPool.of(event.getWebServer());
        sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "jope-queue-monitor");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sample, 1, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        int depth = depth();
        if (depth > 0 && warnings.tryAcquire()) {
            warnings.takeSuppressed();
            logger.warn("Request queue depth is {}: every worker is busy ({} threads)", depth,
                    workers.maxThreads());
        }
    }

    @Override
    public synchronized void destroy() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
    }

}
