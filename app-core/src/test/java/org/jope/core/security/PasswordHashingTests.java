package org.jope.core.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.jope.core.errors.ServiceUnavailable;

import org.jope.core.testing.Latches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Password checks run a few at a time, and a login beyond those that run or wait is refused at once. */
class PasswordHashingTests {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void checksRunAFewAtATimeAndALoginBeyondTheQueueIsRefusedAtOnce() throws Exception {
        PasswordHashing hashing = new PasswordHashing();
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(PasswordHashing.ADMITTED);
        try {
            List<CompletableFuture<Boolean>> admitted = new ArrayList<>();
            for (int i = 0; i < PasswordHashing.ADMITTED; i++) {
                admitted.add(CompletableFuture.supplyAsync(() -> hashing.admit(() -> hashing.check(() -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Latches.await(release, BOUND);
                    running.decrementAndGet();
                    return true;
                })), threads));
            }
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (hashing.admitted() < PasswordHashing.ADMITTED && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(hashing.admitted()).isEqualTo(PasswordHashing.ADMITTED);

            assertThatExceptionOfType(ServiceUnavailable.class).isThrownBy(() -> hashing.admit(() -> true))
                    .withMessage("Too many logins are being checked at once.");

            release.countDown();
            for (CompletableFuture<Boolean> check : admitted) {
                assertThat(check.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
            }
            assertThat(mostAtOnce.get()).isBetween(1, PasswordHashing.HASHING);
            assertThat(hashing.checks()).isEqualTo(PasswordHashing.ADMITTED);
            assertThat(hashing.admitted()).isZero();
            assertThat(hashing.admit(() -> hashing.check(() -> false))).isFalse();
        }
        finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

}
