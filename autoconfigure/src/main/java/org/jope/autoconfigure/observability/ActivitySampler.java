package org.jope.autoconfigure.observability;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.springframework.context.SmartLifecycle;

import org.jope.autoconfigure.JopeScheduler;
import org.jope.core.publisher.InFlightRequests;

/**
 * Fills the activity history once a period, on Jope's sampler thread: the requests completed since the last sample and
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

    private final JopeScheduler scheduler;

    private ScheduledFuture<?> sampling;

    ActivitySampler(InFlightRequests requests, StorePool pool, ActivityHistory history, Duration period,
            JopeScheduler scheduler) {
        this.requests = requests;
        this.pool = pool;
        this.history = history;
        this.period = period;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start() {
        if (sampling != null) {
            return;
        }
        lastCompleted = requests.completed();
        lastNanos = System.nanoTime();
        sampling = scheduler.every(period, "activity sampler", this::sample);
    }

    @Override
    public synchronized void stop() {
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampling != null;
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
