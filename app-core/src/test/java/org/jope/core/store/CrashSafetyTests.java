package org.jope.core.store;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.testing.ChildProcess;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writers run against a site in a child JVM, which is killed with SIGKILL in the middle of writing, several times.
 * Every write that was answered 2xx must be there after the restart, whole, and the store must open cleanly.
 */
class CrashSafetyTests {

    private static final int ROUNDS = 4;

    private static final int WRITERS = 4;

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            try (ChildProcess site = ChildProcess.startSite(directory)) {
                Http manager = new Http("http://127.0.0.1:" + site.awaitPort(Duration.ofSeconds(60)))
                        .as(Site.MANAGER, Site.PASSWORD);
                verify(manager, acknowledged);
                writeUntilKilled(site, manager, round, acknowledged);
            }
        }
        try (ChildProcess site = ChildProcess.startSite(directory)) {
            verify(new Http("http://127.0.0.1:" + site.awaitPort(Duration.ofSeconds(60))), acknowledged);
        }
        assertThat(acknowledged).as("writes were answered before the kills").hasSizeGreaterThan(ROUNDS * WRITERS);
    }

    private void writeUntilKilled(ChildProcess site, Http manager, int round, Map<String, String> acknowledged)
            throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int writer = 0; writer < WRITERS; writer++) {
            int id = writer;
            writers.submit(() -> {
                for (int page = 0; !killed.get() && page < 10_000; page++) {
                    String name = "r" + round + "-w" + id + "-p" + page;
                    String body = name + " " + "x".repeat(ThreadLocalRandom.current().nextInt(1, 4000));
                    try {
                        HttpResponse<String> response = manager.put("/" + name, "text/plain", body);
                        if (response.statusCode() / 100 == 2) {
                            acknowledged.put(name, body);
                        }
                    }
                    catch (IllegalStateException ex) {
                        // The connection died with the process: this write was never acknowledged.
                    }
                }
            });
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(400, 900));
        site.kill();
        killed.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    /** Every acknowledged page is present and whole, and every listed child can be read and is whole too. */
    private void verify(Http http, Map<String, String> acknowledged) throws Exception {
        JsonNode root = mapper.readTree(http.get("/@@json").body());
        List<String> listed = new ArrayList<>();
        root.get("children").forEach((child) -> listed.add(child.get("name").asText()));
        assertThat(listed).containsAll(acknowledged.keySet());
        for (String name : listed) {
            if (name.equals("welcome")) {
                continue;
            }
            JsonNode page = mapper.readTree(http.get("/" + name + "/@@json").body());
            String body = page.get("body").asText();
            assertThat(body).as("no half-written page").startsWith(name + " x").matches(".* x+");
            if (acknowledged.containsKey(name)) {
                assertThat(body).isEqualTo(acknowledged.get(name));
            }
        }
    }

}
