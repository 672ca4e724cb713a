package org.jope.core.store;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances on one real PostgreSQL, the analogue of two Zope clients on one ZEO server. */
class SharedStoreTests {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path directory;

    private EmbeddedPostgres postgres;

    @BeforeEach
    void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pgdata"))
                .setCleanDataDirectory(false).start();
    }

    @AfterEach
    void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void concurrentWritesThroughTwoInstancesAreAllKept() throws Exception {
        try (Site a = site("a"); Site b = site("b")) {
            assertThat(a.manager().post("/", "{\"name\":\"inbox\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                Http target = writer % 2 == 0 ? a.manager() : b.manager();
                String prefix = (writer % 2 == 0 ? "a" : "b") + writer;
                results.add(writers.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int page = 0; page < 200; page++) {
                        statuses.add(target.put("/inbox/" + prefix + "-" + page, "text/plain", prefix).statusCode());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get(5, TimeUnit.MINUTES)).containsOnly(201);
            }
            writers.shutdown();
            assertThat(children(a, "/inbox")).hasSize(1600);
            assertThat(children(b, "/inbox")).hasSize(1600).isEqualTo(children(a, "/inbox"));
            long retries = a.application().publisher().stats().retries() + b.application().publisher().stats().retries();
            System.out.printf("shared store: %d retries across both instances%n", retries);
        }
    }

    @Test
    void aWriteThroughOneInstanceIsSeenByTheNextReadThroughTheOther() throws Exception {
        try (Site a = site("a"); Site b = site("b")) {
            for (int round = 0; round < 20; round++) {
                assertThat(b.anonymous().get("/").statusCode()).isEqualTo(200);
                assertThat(b.anonymous().get("/welcome").body()).doesNotContain("version " + round);
                assertThat(a.manager().put("/welcome", "text/plain", "version " + round).statusCode()).isEqualTo(200);
                assertThat(b.anonymous().get("/welcome").body()).as("round %d", round).contains("version " + round);
                assertThat(a.manager().put("/n" + round, "text/plain", "x").statusCode()).isEqualTo(201);
                assertThat(b.anonymous().get("/").body()).contains("href=\"/n" + round + "\"");
            }
        }
    }

    @Test
    void aConflictRetryPollsWhateverTheInterval() throws Exception {
        try (Site a = site("a"); Site b = site("b", Duration.ofHours(1))) {
            assertThat(b.anonymous().get("/").statusCode()).as("b has the root cached").isEqualTo(200);
            assertThat(a.manager().put("/late", "text/plain", "from a").statusCode()).isEqualTo(201);
            HttpResponse<String> replaced = b.manager().put("/late", "text/plain", "from b");
            assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
            assertThat(a.anonymous().get("/late").body()).contains("from b");
            assertThat(b.application().publisher().stats().retries()).isPositive();
        }
    }

    /**
     * A store made by the version before modification times is upgraded by the first instance to start, and a time
     * written through one instance reads the same through the other: PostgreSQL keeps it as a timestamp with its
     * time zone.
     */
    @Test
    void modificationTimesAfterAnUpgradeReadTheSameThroughBothInstances() throws Exception {
        EarlierStore.create(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "BYTEA");
        Instant upgrade = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Site a = site("a"); Site b = site("b")) {
            ContentObject old = load(b, "old");
            assertThat(((Page) old).body()).isEqualTo("old");
            assertThat(Instant.ofEpochMilli(old.modified())).isBetween(upgrade, Instant.now());

            assertThat(a.manager().put("/old", "text/plain", "new").statusCode()).isEqualTo(200);
            ContentObject writtenInA = load(a, "old");
            assertThat(writtenInA.modified()).isGreaterThan(old.modified());
            assertThat(load(b, "old").modified()).isEqualTo(writtenInA.modified());
        }
    }

    @Test
    void theSharedStoreTakesNoLock() throws Exception {
        try (Site a = site("a")) {
            assertThat(a.application().store().location().lockFile()).isEmpty();
            assertThat(a.application().store().location().shared()).isTrue();
        }
    }

    @Test
    void anOutageAnswers503FastAndServiceComesBackByItself() throws Exception {
        int port = postgres.getPort();
        try (Site a = site("a")) {
            assertThat(a.anonymous().get("/welcome").statusCode()).isEqualTo(200);
            postgres.close();
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                HttpResponse<String> response = a.anonymous().get("/welcome");
                long tookMillis = (System.nanoTime() - started) / 1_000_000;
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(tookMillis).as("never longer than the pool timeout").isLessThan(1000 + 500);
            }
            postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pgdata"))
                    .setCleanDataDirectory(false).setPort(port).start();
            long back = System.nanoTime();
            long deadline = back + Duration.ofSeconds(5).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 200) {
                status = a.anonymous().get("/welcome").statusCode();
            }
            assertThat(status).as("served again within 5 s of the database returning").isEqualTo(200);
            System.out.printf("shared store: back %d ms after the database%n", (System.nanoTime() - back) / 1_000_000);
        }
    }

    private Site site(String name) throws Exception {
        return site(name, Duration.ZERO);
    }

    private Site site(String name, Duration pollInterval) throws Exception {
        return Site.start(directory.resolve(name), (config) -> config
                .storeUrl(postgres.getJdbcUrl("postgres", "postgres"))
                .poolTimeout(Duration.ofSeconds(1))
                .pollInterval(pollInterval));
    }

    private static ContentObject load(Site site, String name) {
        try (Transaction transaction = site.application().store().begin(null, true)) {
            Folder root = transaction.root();
            return transaction.load(root.child(name).oid());
        }
    }

    private List<String> children(Site site, String path) throws Exception {
        JsonNode folder = mapper.readTree(site.anonymous().get(path + "/@@json").body());
        List<String> names = new ArrayList<>();
        folder.get("children").forEach((child) -> names.add(child.get("name").asText()));
        return names;
    }

}
