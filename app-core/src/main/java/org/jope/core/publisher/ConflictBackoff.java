package org.jope.core.publisher;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jope.core.errors.ServiceUnavailable;

/**
 * The wait before a conflicted request runs again: random, below {@code unit * 2^(retry + 1)}, as Zope's publisher
 * sleeps {@code uniform(0, 2**retry)}, so that requests that conflicted with each other do not meet again.
 */
final class ConflictBackoff {

    private final long unitMillis;

    ConflictBackoff(Duration unit) {
        this.unitMillis = unit.toMillis();
    }

    void before(int retry) {
        long bound = unitMillis << (retry + 1);
        if (bound <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("The request was interrupted while waiting to retry.");
        }
    }

}
