package org.jope.autoconfigure.observability;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchdog warns once when requests hang with none completing, with the stack of the oldest worker, counts the
 * stall, warns again only after progress, and says nothing while requests complete.
 */
@ExtendWith(OutputCaptureExtension.class)
class StallWatchdogTests {

    private static final String WARNING = "Stalled: no request has completed for";

    @Test
    void warnsOnceOnADeliberateStallAndAgainAfterProgress(CapturedOutput output) throws Exception {
        HeldView.release = new CountDownLatch(1);
        try (ConfigurableApplicationContext site = ObservedSite.start("tomcat", new Class<?>[] { HeldView.class },
                "jope.watchdog.stall-after=500ms")) {
            try {
                StallWatchdog watchdog = site.getBean(StallWatchdog.class);
                List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
                held.add(ObservedSite.getAsync(site, "/@@hold"));
                held.add(ObservedSite.getAsync(site, "/@@hold"));

                await(() -> watchdog.stalls() == 1, "a stall is reported");
                assertThat(output).contains(WARNING).contains("requests in flight: 2;")
                        .contains("CountDownLatch.await").contains(HeldView.class.getName());
                assertThat(site.getBean(MeterRegistry.class).find("jope.stalls").functionCounter().count())
                        .isEqualTo(1);

                observe(Duration.ofMillis(2000), () -> watchdog.stalls() == 1, "the stall is reported only once");
                assertThat(occurrences(output.toString(), WARNING)).isEqualTo(1);

                CountDownLatch first = HeldView.release;
                HeldView.release = new CountDownLatch(1);
                first.countDown();
                for (CompletableFuture<HttpResponse<String>> response : held) {
                    assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                }
                CompletableFuture<HttpResponse<String>> again = ObservedSite.getAsync(site, "/@@hold");
                await(() -> watchdog.stalls() == 2, "a new stall after progress is reported again");
                HeldView.release.countDown();
                assertThat(again.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(occurrences(output.toString(), WARNING)).isEqualTo(2);
            }
            finally {
                // Before the site closes, which would otherwise wait for the held requests.
                HeldView.release.countDown();
            }
        }
    }

    @Test
    void staysQuietUnderNormalLoad(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("undertow", new Class<?>[0],
                "jope.watchdog.stall-after=1s")) {
            StallWatchdog watchdog = site.getBean(StallWatchdog.class);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> statuses = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    String path = switch (i % 3) {
                        case 0 -> "/";
                        case 1 -> "/welcome";
                        default -> "/@@json";
                    };
                    statuses.add(clients.submit(() -> ObservedSite.get(site, path).statusCode()));
                }
                for (Future<Integer> status : statuses) {
                    assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(200);
                }
            }
            finally {
                clients.shutdownNow();
            }
            assertThat(watchdog.isRunning()).isTrue();
            assertThat(watchdog.stalls()).isZero();
            assertThat(output).doesNotContain(WARNING);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    /** Checks that the condition holds all through the window: here, that no second warning comes. */
    private static void observe(Duration window, BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            assertThat(condition.getAsBoolean()).as(what).isTrue();
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

}
