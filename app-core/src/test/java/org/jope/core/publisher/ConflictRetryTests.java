package org.jope.core.publisher;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers adding to one folder at once: every conflict is retried and no write is lost. */
class ConflictRetryTests {

    private static final int WRITERS = 8;

    private static final int PAGES_EACH = 200;

    @TempDir
    Path directory;

    @Test
    void concurrentCreatesInOneFolderAreAllKept() throws Exception {
        try (Site site = Site.start(directory)) {
            Http manager = site.manager();
            assertThat(manager.post("/", "{\"name\":\"inbox\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int id = writer;
                done.add(writers.submit(() -> {
                    for (int page = 0; page < PAGES_EACH; page++) {
                        HttpResponse<String> response = manager.put("/inbox/w" + id + "-p" + page, "text/plain",
                                "page " + page + " of writer " + id);
                        statuses.computeIfAbsent(response.statusCode(), (code) -> new AtomicInteger()).incrementAndGet();
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(5, TimeUnit.MINUTES);
            }
            writers.shutdown();

            assertThat(statuses).containsOnlyKeys(201);
            assertThat(statuses.get(201)).hasValue(WRITERS * PAGES_EACH);
            JsonNode inbox = new ObjectMapper().readTree(site.anonymous().get("/inbox/@@json").body());
            assertThat(inbox.get("children")).hasSize(WRITERS * PAGES_EACH);
            PublishingStats stats = site.application().publisher().stats();
            assertThat(stats.retries()).as("creates of different names in one folder commute: none runs twice")
                    .isZero();
            assertThat(stats.conflictsGivenUp()).isZero();
            System.out.printf("conflict test: %d conflicts, %d retries, %d given up%n", stats.conflicts(),
                    stats.retries(), stats.conflictsGivenUp());
        }
    }

}
