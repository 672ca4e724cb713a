package org.jope.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * The one thread that runs Jope's periodic samplers: the request queue monitor, the status page's activity sampler
 * and the stall watchdog. Each sample reads a few counters, so one daemon thread serves them all; a sample that
 * throws is logged and the next one still runs.
 */
public class JopeScheduler implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(JopeScheduler.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
        Thread thread = new Thread(task, "jope-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs the sample every period, the first one period from now; cancel the future to stop it. */
    public ScheduledFuture<?> every(Duration period, String name, Runnable sample) {
        long nanos = period.toNanos();
        return executor.scheduleAtFixedRate(() -> {
            try {
                sample.run();
            }
            catch (RuntimeException ex) {
                // A scheduled task that throws is never run again; one bad sample must not end the sampling.
                logger.warn("The {} failed to take a sample", name, ex);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

}
