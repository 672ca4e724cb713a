package org.jope.autoconfigure.safety;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed saw servers hang. Misconfigured on purpose (20 threads on a pool of 2, safety set to warn, no object
 * cache so that every request needs a connection), each container meets 200 concurrent clients. Every request must
 * end with 200 or 503 within the pool timeout plus a second, and the server must serve normally afterwards. The run
 * lasts 30 s in CI and 5 s elsewhere.
 */
class NoHangTests {

    private static final int CLIENTS = 200;

    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration RUN = Duration.ofSeconds("true".equals(System.getenv("CI")) ? 30 : 5);

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void overloadEndsIn200Or503NeverAHang(String type) throws Exception {
        try (ConfigurableApplicationContext context = Sites.start(type, new Class<?>[0], "jope.server.threads=20",
                "jope.store.pool-size=2", "jope.safety.threads-vs-pool=warn", "jope.store.cache-size=0",
                "jope.store.pool-timeout=" + POOL_TIMEOUT.toMillis() + "ms")) {
            URI welcome = URI.create(Sites.url(context) + "/welcome");
            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
            Map<Long, LongAdder> perSecond = new ConcurrentHashMap<>();
            AtomicLong failures = new AtomicLong();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long start = System.nanoTime();
            long end = start + RUN.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(welcome)
                                    .timeout(POOL_TIMEOUT.plusSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                            long done = System.nanoTime();
                            statuses.computeIfAbsent(response.statusCode(), (code) -> new LongAdder()).increment();
                            latenciesMicros.add((done - sent) / 1000);
                            perSecond.computeIfAbsent((done - start) / 1_000_000_000L, (second) -> new LongAdder())
                                    .increment();
                        }
                        catch (Exception ex) {
                            failures.incrementAndGet();
                        }
                    }
                });
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(RUN.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();

            List<Long> sorted = new ArrayList<>(latenciesMicros);
            Collections.sort(sorted);
            long maxMicros = sorted.get(sorted.size() - 1);
            long p99Micros = sorted.get((int) (sorted.size() * 0.99));
            long slowestSecond = perSecond.entrySet().stream().filter((entry) -> entry.getKey() < RUN.toSeconds())
                    .mapToLong((entry) -> entry.getValue().sum()).min().orElse(0);
            System.out.printf("no-hang %s: %s, p99 %d ms, max %d ms, slowest second %d requests, %d failed%n", type,
                    new TreeMap<>(statuses), p99Micros / 1000, maxMicros / 1000, slowestSecond, failures.get());

            assertThat(failures.get()).as("requests that failed outright").isZero();
            assertThat(statuses.keySet()).isSubsetOf(200, 503);
            assertThat(maxMicros).as("slowest request, in µs").isLessThanOrEqualTo(POOL_TIMEOUT.plusSeconds(1).toNanos() / 1000);
            assertThat(perSecond).as("every second completed requests").hasSizeGreaterThanOrEqualTo((int) RUN.toSeconds());
            HttpResponse<String> after = client.send(HttpRequest.newBuilder(welcome).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.body()).contains("Welcome to Jope");
        }
    }

}
