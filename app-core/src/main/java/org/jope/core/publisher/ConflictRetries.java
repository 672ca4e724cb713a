package org.jope.core.publisher;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.jope.core.errors.ServiceUnavailable;
import org.jope.core.store.ConflictError;

/**
 * What the publisher does after a write conflict, as Zope's does: count it, give up after the last retry, and
 * otherwise wait a random time below {@code backoff * 2^(retry + 1)} (Zope sleeps {@code uniform(0, 2**retry)}), so
 * that requests that conflicted with each other do not meet again. The object that conflicted is remembered, and
 * the retry reads it under a row lock.
 */
final class ConflictRetries {

    private final PublishingStats stats;

    private final int maxRetries;

    private final long backoffMillis;

    ConflictRetries(PublishingStats stats, int maxRetries, Duration backoff) {
        this.stats = stats;
        this.maxRetries = maxRetries;
        this.backoffMillis = backoff.toMillis();
    }

    /**
     * Rethrows the conflict after the last retry; otherwise waits, and returns the objects the next attempt locks.
     *
     * @param attempt the attempt that conflicted, 0 for the first
     * @param contended the objects locked so far: a set is made at the first conflict, not for every request
     */
    Set<Long> afterConflict(ConflictError conflict, int attempt, Set<Long> contended) {
        stats.conflict();
        if (attempt >= maxRetries) {
            stats.gaveUp();
            throw conflict;
        }
        stats.retry();
        Set<Long> locked = contended;
        if (conflict.oid() != ConflictError.UNKNOWN_OID) {
            locked = contended.isEmpty() ? new TreeSet<>() : contended;
            locked.add(conflict.oid());
        }
        backOff(attempt);
        return locked;
    }

    private void backOff(int attempt) {
        long bound = backoffMillis << (attempt + 1);
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
