package org.jope.autoconfigure.observability;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters exist on every container, carry the container as their server tag, and move as requests come in:
 * Boot's http.server.requests covers the publisher's requests, HikariCP's tracker the store's pool, and Jope's own
 * meters the workers, the queue, the cache, the conflicts, the shed requests and the exception views. One request
 * thread, held by one request, makes the next one wait, so the worker and queue gauges are seen to move.
 */
class JopeMetersTests {

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void metersArePublishedAndMove(String type) throws Exception {
        HeldView.release = new CountDownLatch(1);
        try (ConfigurableApplicationContext site = ObservedSite.start(type, new Class<?>[] { HeldView.class },
                "jope.server.threads=1")) {
            try {
                MeterRegistry registry = site.getBean(MeterRegistry.class);
                assertThat(gauge(registry, "jope.workers.max", type)).isEqualTo(1);
                CompletableFuture<HttpResponse<String>> held = ObservedSite.getAsync(site, "/@@hold");
                awaitGauge(registry, "jope.requests.active", type, 1);
                awaitGauge(registry, "jope.workers.busy", type, 1);
                CompletableFuture<HttpResponse<String>> queued = ObservedSite.getAsync(site, "/");
                awaitGauge(registry, "jope.requests.queued", type, 1);
                HeldView.release.countDown();
                assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(queued.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

                assertThat(ObservedSite.putPage(site, "/metered", "a page").statusCode()).isEqualTo(201);
                for (int i = 0; i < 10; i++) {
                    assertThat(ObservedSite.get(site, "/metered").statusCode()).isEqualTo(200);
                }
                assertThat(ObservedSite.get(site, "/no-such-page").statusCode()).isEqualTo(404);
                assertThat(ObservedSite.putAnonymously(site, "/anonymous-write", "x").statusCode()).isEqualTo(401);

                // The observation is stopped after the response is written, so the last request may lag a little.
                awaitAtLeast(registry, () -> timerCount(registry.find("http.server.requests").tag("server", type)
                        .tag("uri", "/**").tag("status", "200")), 10);
                awaitAtLeast(registry, () -> timerCount(registry.find("http.server.requests").tag("server", type)
                        .tag("status", "404")), 1);

                assertThat(poolTimerCount(registry, "hikaricp.connections.acquire", type)).isPositive();
                assertThat(present(registry, "hikaricp.connections.active", type)).isTrue();
                assertThat(present(registry, "hikaricp.connections.pending", type)).isTrue();
                assertThat(present(registry, "hikaricp.connections.timeout", type)).isTrue();

                awaitGauge(registry, "jope.requests.queued", type, 0);
                awaitGauge(registry, "jope.requests.active", type, 0);

                assertThat(functionCount(registry.find("jope.cache.gets").tag("server", type).tag("result", "hit")))
                        .isGreaterThanOrEqualTo(9);
                assertThat(functionCount(registry.find("jope.cache.gets").tag("server", type).tag("result", "miss")))
                        .isPositive();
                assertThat(gauge(registry, "jope.cache.size", type)).isPositive();

                assertThat(functionCount(registry.find("jope.conflicts").tag("server", type))).isZero();
                assertThat(functionCount(registry.find("jope.conflicts.retries").tag("server", type))).isZero();
                assertThat(functionCount(registry.find("jope.conflicts.given.up").tag("server", type))).isZero();
                assertThat(functionCount(registry.find("jope.requests.shed").tag("server", type))).isZero();
                assertThat(functionCount(registry.find("jope.stalls").tag("server", type))).isZero();

                assertThat(registry.find("jope.exceptions").tag("server", type).tag("exception", "NotFound").counter()
                        .count()).isEqualTo(1);
                assertThat(registry.find("jope.exceptions").tag("server", type).tag("exception", "Unauthorized")
                        .counter().count()).isEqualTo(1);
            }
            finally {
                // Before the site closes, which would otherwise wait for the held request.
                HeldView.release.countDown();
            }
        }
    }

    /**
     * A request that misses the cache holds a store connection while it runs, so with a pool of one, held by the
     * first request on a cold cache, a write waits out the pool timeout and is shed with a 503.
     */
    @Test
    void shedRequestsAreCounted() throws Exception {
        HeldView.release = new CountDownLatch(1);
        try (ConfigurableApplicationContext site = ObservedSite.start("jetty", new Class<?>[] { HeldView.class },
                "jope.server.threads=2", "jope.store.pool-size=1", "jope.store.pool-timeout=250ms",
                "jope.safety.threads-vs-pool=off")) {
            try {
                MeterRegistry registry = site.getBean(MeterRegistry.class);
                CompletableFuture<HttpResponse<String>> held = ObservedSite.getAsync(site, "/@@hold");
                awaitGauge(registry, "jope.requests.active", "jetty", 1);
                HttpResponse<String> shed = ObservedSite.putPage(site, "/shed", "no connection for this one");
                assertThat(shed.statusCode()).isEqualTo(503);
                assertThat(shed.headers().firstValue("Retry-After")).isPresent();
                assertThat(functionCount(registry.find("jope.requests.shed").tag("server", "jetty"))).isEqualTo(1);
                assertThat(poolCount(registry, "hikaricp.connections.timeout", "jetty")).isEqualTo(1);
                HeldView.release.countDown();
                assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            finally {
                HeldView.release.countDown();
            }
        }
    }

    private static boolean present(MeterRegistry registry, String name, String type) {
        Meter meter = registry.find(name).tag("server", type).tag("pool", "jope-store").meter();
        return meter != null;
    }

    private static double poolTimerCount(MeterRegistry registry, String name, String type) {
        Timer timer = registry.find(name).tag("server", type).tag("pool", "jope-store").timer();
        assertThat(timer).as(name).isNotNull();
        return timer.count();
    }

    private static double poolCount(MeterRegistry registry, String name, String type) {
        Counter counter = registry.find(name).tag("server", type).tag("pool", "jope-store").counter();
        assertThat(counter).as(name).isNotNull();
        return counter.count();
    }

    private static double gauge(MeterRegistry registry, String name, String type) {
        Gauge gauge = registry.find(name).tag("server", type).gauge();
        assertThat(gauge).as(name).isNotNull();
        return gauge.value();
    }

    private static double functionCount(Search search) {
        FunctionCounter counter = search.functionCounter();
        assertThat(counter).isNotNull();
        return counter.count();
    }

    private static long timerCount(Search search) {
        return search.timers().stream().mapToLong(Timer::count).sum();
    }

    /** Polls a gauge until it reads the value; the container's own counters settle a moment after a response. */
    private static void awaitGauge(MeterRegistry registry, String name, String type, double value)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gauge(registry, name, type) != value && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(gauge(registry, name, type)).as(name).isEqualTo(value);
    }

    private static void awaitAtLeast(MeterRegistry registry, Supplier<Long> count, long least)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.get() < least && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertThat(count.get()).as(() -> "http.server.requests timers: " + registry.find("http.server.requests")
                .timers().stream().map((timer) -> timer.getId() + " count " + timer.count()).toList())
                .isGreaterThanOrEqualTo(least);
    }

}
