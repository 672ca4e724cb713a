package org.jope.autoconfigure.safety;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;

import org.jope.autoconfigure.JopeScheduler;
import org.jope.autoconfigure.web.RunningServer;
import org.jope.autoconfigure.web.ServerStartedEvent;
import org.jope.autoconfigure.web.WorkerPool;
import org.jope.core.util.LogRateLimit;

/**
 * Watches the requests that wait for a worker, like waitress's "Task queue depth is N": once a second it samples the
 * running container's queue, and while requests wait it warns, at most once per interval. Sampling keeps the
 * request path free of any bookkeeping.
 */
public class RequestQueueMonitor implements ApplicationListener<ServerStartedEvent> {

    private static final Logger logger = LoggerFactory.getLogger(RequestQueueMonitor.class);

    private static final Duration SAMPLE_PERIOD = Duration.ofSeconds(1);

    private final RunningServer server;

    private final JopeScheduler scheduler;

    private final LogRateLimit warnings;

    public RequestQueueMonitor(RunningServer server, JopeScheduler scheduler, Duration warningInterval) {
        this.server = server;
        this.scheduler = scheduler;
        this.warnings = new LogRateLimit(warningInterval);
    }

    /** Requests accepted by the container and waiting for a worker now; 0 before the server has started. */
    public int depth() {
        return server.workersIfStarted().map(WorkerPool::queueDepth).orElse(0);
    }

    @Override
    public void onApplicationEvent(ServerStartedEvent event) {
        scheduler.every(SAMPLE_PERIOD, "request queue monitor", this::sample);
    }

    private void sample() {
        int depth = depth();
        if (depth > 0 && warnings.tryAcquire()) {
            warnings.takeSuppressed();
            logger.warn("Request queue depth is {}: every worker is busy ({} threads)", depth, server.threads());
        }
    }

}
