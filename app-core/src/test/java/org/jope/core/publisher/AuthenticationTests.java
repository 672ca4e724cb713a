package org.jope.core.publisher;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests {

    @TempDir
    Path directory;

    @Test
    void writesNeedAManager() throws Exception {
        try (Site site = Site.start(directory)) {
            assertThat(site.anonymous().put("/a", "text/plain", "x").statusCode()).isEqualTo(401);
            assertThat(site.anonymous().as(Site.MANAGER, "wrong").put("/a", "text/plain", "x").statusCode())
                    .isEqualTo(401);
            assertThat(site.anonymous().as("nobody", Site.PASSWORD).delete("/welcome").statusCode()).isEqualTo(401);
            assertThat(site.anonymous().get("/a").statusCode()).isEqualTo(404);
            assertThat(site.manager().put("/a", "text/plain", "x").statusCode()).isEqualTo(201);
            assertThat(site.anonymous().get("/a").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void readsAreAnonymousEvenWithWrongCredentials() throws Exception {
        try (Site site = Site.start(directory)) {
            assertThat(site.anonymous().as("nobody", "nothing").get("/welcome").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void inituserHoldsOnlyAHash() throws Exception {
        try (Site site = Site.start(directory)) {
            String inituser = Files.readString(directory.resolve("inituser"));
            assertThat(inituser).startsWith(Site.MANAGER + ":{bcrypt}$2a$").doesNotContain(Site.PASSWORD);
        }
    }

}
