package org.jope.core.publisher;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of the publish loop, read by metrics and by tests. */
public final class PublishingStats {

    private final LongAdder conflicts = new LongAdder();

    private final LongAdder retries = new LongAdder();

    private final LongAdder conflictsGivenUp = new LongAdder();

    private final LongAdder shed = new LongAdder();

    private final AtomicInteger throttledWaiting = new AtomicInteger();

    void conflict() {
        conflicts.increment();
    }

    void retry() {
        retries.increment();
    }

    void gaveUp() {
        conflictsGivenUp.increment();
    }

    void requestShed() {
        shed.increment();
    }

    void throttledAnswerWaits(int change) {
        throttledWaiting.addAndGet(change);
    }

    /** Every ConflictError, whether it was retried or not. */
    public long conflicts() {
        return conflicts.sum();
    }

    public long retries() {
        return retries.sum();
    }

    /** Requests answered 503 because they still conflicted after the last retry. */
    public long conflictsGivenUp() {
        return conflictsGivenUp.sum();
    }

    /** Requests answered 503 because no store connection was free within the pool timeout, or the store was down. */
    public long shed() {
        return shed.sum();
    }

    /** Throttled logins whose 429 is waiting out its pause, holding no thread meanwhile. */
    public int throttledAnswersWaiting() {
        return throttledWaiting.get();
    }

}
