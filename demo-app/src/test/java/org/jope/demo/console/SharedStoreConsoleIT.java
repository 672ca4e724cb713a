package org.jope.demo.console;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.demo.testing.TestInstance;
import org.jope.demo.testing.TestInstance.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the shared store (a real PostgreSQL), jopectl run runs beside the running site, as Zope's debug runs beside
 * ZEO clients, and what it commits reaches the site's cache like any other process's commit.
 */
class SharedStoreConsoleIT {

    @TempDir
    Path temp;

    private EmbeddedPostgres postgres;

    private TestInstance instance;

    @BeforeEach
    void startPostgresAndInitInstance() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(temp.resolve("pgdata")).setCleanDataDirectory(false)
                .start();
        instance = TestInstance.init(temp.resolve("site"));
        instance.configure("""

                jope:
                  store:
                    url: jdbc:postgresql://localhost:%d/postgres
                    username: postgres
                    password: postgres
                """.formatted(postgres.getPort()));
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            instance.close();
        }
        finally {
            postgres.close();
        }
    }

    @Test
    void aPageThatRunCommitsBesideTheSiteIsServedOnItsNextRequest() throws Exception {
        Result start = instance.jopectl("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        // Both the listing and the missing page have been through the site once, so a stale cache would show.
        assertThat(instance.get("/").body()).contains("welcome").doesNotContain("cron");
        assertThat(instance.get("/cron").statusCode()).isEqualTo(404);
        Path script = Files.writeString(temp.resolve("cron.jsh"), """
                commit(tx -> tx.createChild(tx.root(), "cron", NewContent.page("From cron", "<p>nightly</p>"),
                        "/cron"));
                System.out.println("committed");
                """);

        Result run = instance.jopectl("run", script.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.out()).isEqualTo("committed\n");
        assertThat(instance.get("/cron").body()).contains("<p>nightly</p>");
        assertThat(instance.get("/").body()).contains("From cron");
        assertThat(instance.jopectl("status").exitCode()).isZero();
    }

}
