package org.jope.core.store;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import org.jope.core.content.File;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The object cache is bounded by bytes as well as by objects, so that large files cannot fill the heap. Caffeine
 * evicts on a pool thread shortly after a write, so each bound is waited for, within a bound.
 */
class ObjectCacheWeightTests {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void largeFilesAreKeptOnlyUpToTheByteBound() throws InterruptedException {
        ObjectCache cache = new ObjectCache(100, 10_000);
        for (long oid = 1; oid <= 10; oid++) {
            cache.offer(file(oid, 3_000), cache.generation());
        }

        awaitThat(() -> cache.size() <= 3, "at most 3 files of 3,000 bytes under a bound of 10,000");
    }

    @Test
    void aFileLargerThanTheByteBoundIsNotKept() throws InterruptedException {
        ObjectCache cache = new ObjectCache(100, 10_000);
        cache.offer(file(1, 20_000), cache.generation());

        awaitThat(() -> cache.get(1L) == null, "the 20,000-byte file gone");
    }

    @Test
    void smallObjectsAreBoundedByTheirCountAsBefore() throws InterruptedException {
        ObjectCache cache = new ObjectCache(50, 1_000_000);
        for (long oid = 1; oid <= 50; oid++) {
            cache.offer(file(oid, 10), cache.generation());
        }
        assertThat(cache.size()).isEqualTo(50);
        for (long oid = 51; oid <= 100; oid++) {
            cache.offer(file(oid, 10), cache.generation());
        }

        awaitThat(() -> cache.size() == 50, "50 objects, the count bound");
    }

    private static File file(long oid, int bytes) {
        return new File(oid, 1, "f" + oid, "f" + oid, "application/octet-stream", new byte[bytes], 0);
    }

    private static void awaitThat(BooleanSupplier condition, String description) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(description).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

}
