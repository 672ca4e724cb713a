package org.jope.autoconfigure.observability;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;

import org.jope.core.publisher.InFlightRequests;

/**
 * Fills the activity history once a period from a daemon thread: the requests completed since the last sample and
 * the store connections in use. Reading two counters a second keeps the chart off the request path.
 */
public class ActivitySampler implements SmartLifecycle {

    private final InFlightRequests requests;

    private final StorePool pool;

    private final ActivityHistory history;

    private final Duration period;

    // Read and written by the sampler thread only.
    private long lastCompleted;

    private long lastNanos;

    private ScheduledExecutorService sampler;

    ActivitySampler(InFlightRequests requests, StorePool pool, ActivityHistory history, Duration period) {
        this.requests = requests;
        this.pool = pool;
        this.history = history;
        this.period = period;
    }

    @Override
    public synchronized void start() {
        if (sampler != null) {
            return;
        }
        lastCompleted = requests.completed();
        lastNanos = System.nanoTime();
        sampler = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "jope-activity-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }

    private void sample() {
        long now = System.nanoTime();
        long completed = requests.completed();
        double seconds = (now - lastNanos) / 1e9;
        history.add(new ActivitySample(System.currentTimeMillis(), (completed - lastCompleted) / seconds,
                pool.activeConnections().orElse(null)));
        lastCompleted = completed;
        lastNanos = now;
    }

}
