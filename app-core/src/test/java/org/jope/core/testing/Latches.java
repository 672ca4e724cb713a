package org.jope.core.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting on a latch from inside a task, where a checked InterruptedException cannot be thrown. */
public final class Latches {

    private Latches() {
    }

    /** Waits until the latch opens, and fails the test if it does not within the bound. */
    public static void await(CountDownLatch latch, Duration bound) {
        try {
            assertThat(latch.await(bound.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
