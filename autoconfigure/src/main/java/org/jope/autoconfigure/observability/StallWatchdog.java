package org.jope.autoconfigure.observability;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import org.jope.autoconfigure.JopeScheduler;
import org.jope.core.publisher.InFlightRequests;

/**
 * Tells a hung server from a busy one: requests are in flight, yet none has completed for the stall time. It then
 * logs one WARN with the stack of the worker that has been on its request longest, and counts the stall; it warns
 * again only after a request has completed. It samples on Jope's sampler thread, so the request path pays
 * nothing beyond what {@link InFlightRequests} already does.
 */
public class StallWatchdog implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(StallWatchdog.class);

    private static final Duration LONGEST_SAMPLE_PERIOD = Duration.ofSeconds(1);

    private static final Duration SHORTEST_SAMPLE_PERIOD = Duration.ofMillis(10);

    private final InFlightRequests requests;

    private final Duration stallAfter;

    private final AtomicLong stalls = new AtomicLong();

    // Read and written by the sampler thread only.
    private long lastCompleted = -1;

    private long lastProgressNanos;

    private boolean reported;

    private final JopeScheduler scheduler;

    private ScheduledFuture<?> sampling;

    public StallWatchdog(InFlightRequests requests, Duration stallAfter, JopeScheduler scheduler) {
        this.requests = requests;
        this.stallAfter = stallAfter;
        this.scheduler = scheduler;
    }

    /** Stalls seen since the start. */
    public long stalls() {
        return stalls.get();
    }

    public Duration stallAfter() {
        return stallAfter;
    }

    @Override
    public synchronized void start() {
        if (sampling == null) {
            sampling = scheduler.every(samplePeriod(), "stall watchdog", this::sample);
        }
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

    /**
     * Four samples within the stall time, so that a stall is seen within a quarter of it late, but no more than one
     * a second: the default of 10 s needs no finer look.
     */
    private Duration samplePeriod() {
        Duration quarter = stallAfter.dividedBy(4);
        if (quarter.compareTo(LONGEST_SAMPLE_PERIOD) > 0) {
            return LONGEST_SAMPLE_PERIOD;
        }
        return quarter.compareTo(SHORTEST_SAMPLE_PERIOD) < 0 ? SHORTEST_SAMPLE_PERIOD : quarter;
    }

    private void sample() {
        long now = System.nanoTime();
        long completed = requests.completed();
        if (completed != lastCompleted || requests.count() == 0) {
            lastCompleted = completed;
            lastProgressNanos = now;
            reported = false;
            return;
        }
        if (!reported && now - lastProgressNanos >= stallAfter.toNanos()) {
            reported = true;
            report(Duration.ofNanos(now - lastProgressNanos), now);
            // Counted once the warning is out, so that whoever sees the count finds the warning in the log.
            stalls.incrementAndGet();
        }
    }

    private void report(Duration stalledFor, long now) {
        int inFlight = requests.count();
        Optional<Map.Entry<Thread, Long>> oldest = requests.oldest();
        if (oldest.isEmpty()) {
            logger.warn("Stalled: no request has completed for {} ms; requests in flight: {}", stalledFor.toMillis(),
                    inFlight);
            return;
        }
        Thread worker = oldest.get().getKey();
        long runningMillis = TimeUnit.NANOSECONDS.toMillis(now - oldest.get().getValue());
        StringBuilder stack = new StringBuilder();
        for (StackTraceElement frame : worker.getStackTrace()) {
            stack.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        logger.warn("Stalled: no request has completed for {} ms; requests in flight: {}; the oldest has run {} ms "
                + "on thread {}, which is at:{}", stalledFor.toMillis(), inFlight, runningMillis, worker.getName(),
                stack);
    }

}
