package org.jope.core.publisher;

import java.nio.file.Files;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.errors.Unauthorized;
import org.jope.core.http.Rendered;
import org.jope.core.security.Authenticator;
import org.jope.core.security.InitUserFile;
import org.jope.core.testing.Http;
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
    void anAnonymousReadNeverChecksAPassword() throws Exception {
        try (Site site = Site.start(directory)) {
            Http wrong = site.anonymous().as(Site.MANAGER, "wrong");
            Http garbled = new Http("http://localhost:" + site.port());

            // Twice each: the first read of an object goes through a transaction, the next one through the cache.
            for (int i = 0; i < 2; i++) {
                assertThat(wrong.get("/welcome").statusCode()).isEqualTo(200);
                assertThat(wrong.get("/").statusCode()).isEqualTo(200);
                assertThat(wrong.get("/welcome/@@json").statusCode()).isEqualTo(200);
                assertThat(wrong.get("/missing").statusCode()).isEqualTo(404);
                assertThat(site.manager().get("/welcome").statusCode()).isEqualTo(200);
                assertThat(garbled.get("/welcome", "Authorization", "Basic !!!").statusCode()).isEqualTo(200);
            }

            assertThat(site.application().authenticator().passwordChecks()).isZero();
        }
    }

    @Test
    void aViewThatNeedsAManagerChecksThePasswordAndAWriteDoes() throws Exception {
        try (Site site = Site.start(directory)) {
            site.application().publisher().views().register("private", (traversed, request) -> {
                if (!request.isAuthenticated()) {
                    throw new Unauthorized("For managers.");
                }
                return Rendered.text(200, "hello " + request.user());
            });

            assertThat(site.anonymous().get("/welcome/@@private").statusCode()).isEqualTo(401);
            assertThat(site.application().authenticator().passwordChecks()).isZero();
            assertThat(site.anonymous().as(Site.MANAGER, "wrong").get("/welcome/@@private").statusCode())
                    .isEqualTo(401);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(1);
            HttpResponse<String> answer = site.manager().get("/welcome/@@private");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("hello " + Site.MANAGER);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(2);

            assertThat(site.anonymous().as(Site.MANAGER, "wrong").put("/a", "text/plain", "x").statusCode())
                    .isEqualTo(401);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(3);
        }
    }

    @Test
    void aReadIsNamedForTheAccessLogOnlyByALoginCachedAlready() throws Exception {
        try (Site site = Site.start(directory)) {
            site.application().publisher().views().register("who", (traversed, request) -> {
                String user = Authenticator.userOf(request.servletRequest());
                return Rendered.text(200, user != null ? user : "nobody");
            });

            assertThat(site.manager().get("/welcome/@@who").body()).isEqualTo("nobody");
            assertThat(site.manager().put("/a", "text/plain", "x").statusCode()).isEqualTo(201);
            assertThat(site.manager().get("/welcome/@@who").body()).isEqualTo(Site.MANAGER);
            assertThat(site.anonymous().as(Site.MANAGER, "wrong").get("/welcome/@@who").body()).isEqualTo("nobody");
            assertThat(site.anonymous().get("/welcome/@@who").body()).isEqualTo("nobody");

            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(1);
        }
    }

    @Test
    void aVerifiedLoginIsCachedUntilTheFileChanges() throws Exception {
        try (Site site = Site.start(directory)) {
            assertThat(site.manager().put("/a", "text/plain", "x").statusCode()).isEqualTo(201);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(1);
            assertThat(site.manager().put("/b", "text/plain", "x").statusCode()).isEqualTo(201);
            assertThat(site.manager().delete("/b").statusCode()).isEqualTo(204);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(1);
            // A wrong password is never remembered: each one costs its hash.
            for (int i = 0; i < 2; i++) {
                assertThat(site.anonymous().as(Site.MANAGER, "wrong").put("/b", "text/plain", "x").statusCode())
                        .isEqualTo(401);
            }
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(3);

            // The password is rotated in place: same file, same size, only the hash differs.
            Path inituser = directory.resolve("inituser");
            Path rotated = directory.resolve("rotated");
            InitUserFile.addUser(rotated, Site.MANAGER, "n3w-secret", 4);
            assertThat(Files.size(rotated)).isEqualTo(Files.size(inituser));
            Files.writeString(inituser, Files.readString(rotated));

            assertThat(site.manager().put("/b", "text/plain", "x").statusCode()).isEqualTo(401);
            assertThat(site.anonymous().as(Site.MANAGER, "n3w-secret").put("/b", "text/plain", "x").statusCode())
                    .isEqualTo(201);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(5);
        }
    }

    @Test
    void aManagerAddedWhileTheSiteRunsCanWriteAtOnce() throws Exception {
        try (Site site = Site.start(directory)) {
            Http second = site.anonymous().as("second", "an0ther-pw");
            assertThat(second.put("/a", "text/plain", "x").statusCode()).isEqualTo(401);

            // What jopectl adduser does: append one hashed line to the file.
            InitUserFile.addUser(directory.resolve("inituser"), "second", "an0ther-pw", 4);

            assertThat(second.put("/a", "text/plain", "x").statusCode()).isEqualTo(201);
            assertThat(site.manager().put("/b", "text/plain", "x").statusCode()).isEqualTo(201);
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
