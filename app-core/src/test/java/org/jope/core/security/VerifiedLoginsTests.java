package org.jope.core.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.testing.Latches;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of logins: a right login is checked once, a wrong one each time, and the same one at once only once. */
class VerifiedLoginsTests {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void aRightLoginIsCheckedOnceForItsFileAndAWrongOneEachTime() {
        VerifiedLogins logins = new VerifiedLogins();
        InitUserFile users = InitUserFile.read(directory.resolve("inituser"));
        InitUserFile changed = InitUserFile.read(directory.resolve("inituser"));
        AtomicInteger checks = new AtomicInteger();
        BasicCredentials right = new BasicCredentials("admin", "pw");

        assertThat(logins.verify(right, users, () -> checks.incrementAndGet() > 0)).isTrue();
        assertThat(logins.verify(right, users, () -> checks.incrementAndGet() > 0)).isTrue();
        assertThat(checks).hasValue(1);
        // The same name with another password, and the same login against a file read again, are checked anew.
        assertThat(logins.verify(new BasicCredentials("admin", "pw2"), users, () -> checks.incrementAndGet() < 0))
                .isFalse();
        assertThat(logins.verify(new BasicCredentials("admin", "pw2"), users, () -> checks.incrementAndGet() < 0))
                .isFalse();
        assertThat(logins.verify(right, changed, () -> checks.incrementAndGet() < 0)).isFalse();
        assertThat(checks).hasValue(4);
    }

    @Test
    void theSameLoginAtTheSameTimeWaitsForTheCheckThatRuns() throws Exception {
        VerifiedLogins logins = new VerifiedLogins();
        InitUserFile users = InitUserFile.read(directory.resolve("inituser"));
        BasicCredentials wrong = new BasicCredentials("admin", "wrong");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            firstAndSecondAtOnce(logins, users, wrong, threads);
        }
        finally {
            threads.shutdownNow();
        }
    }

    private void firstAndSecondAtOnce(VerifiedLogins logins, InitUserFile users, BasicCredentials wrong,
            ExecutorService threads) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> logins.verify(wrong, users, () -> {
            checks.incrementAndGet();
            entered.countDown();
            Latches.await(release, BOUND);
            return false;
        }), threads);
        assertThat(entered.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return logins.verify(wrong, users, () -> checks.incrementAndGet() > 0);
        }, threads);
        long deadline = System.nanoTime() + BOUND.toNanos();
        while ((waiter.get() == null || waiter.get().getState() != Thread.State.TIMED_WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertThat(first.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isFalse();
        assertThat(second.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isFalse();
        assertThat(checks).hasValue(1);
        // A wrong login is never kept: the next one is checked.
        assertThat(logins.verify(wrong, users, () -> checks.incrementAndGet() < 0)).isFalse();
        assertThat(checks).hasValue(2);
    }

}
