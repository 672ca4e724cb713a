package org.jope.core.writes;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.jope.core.content.Folder;
import org.jope.core.http.HttpDate;
import org.jope.core.store.Transaction;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * If-Match, If-Unmodified-Since and If-None-Match on PUT, POST (against the folder) and DELETE: a failed condition
 * answers 412 and changes nothing; a condition that holds lets the write through.
 */
class WritePreconditionTests {

    private static final String LONG_AGO = "Mon, 01 Jan 2001 00:00:00 GMT";

    @TempDir
    Path directory;

    private Site site;

    private Http manager;

    @BeforeEach
    void start() throws Exception {
        site = Site.start(directory);
        manager = site.manager();
        assertThat(manager.post("/", "{\"name\":\"f\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
        assertThat(manager.put("/f/p", "text/plain", "first").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void deleteWithAStaleIfMatchIsRefusedAndTheObjectKept() {
        String stale = etag("/f/p");
        assertThat(manager.put("/f/p", "text/plain", "second", "If-Match", stale).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = manager.delete("/f/p", "If-Match", stale);
        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(refused.body()).contains("does not name the current version of /f/p");
        assertThat(site.anonymous().get("/f/p").body()).contains("second");

        assertThat(manager.delete("/f/p", "If-Match", etag("/f/p")).statusCode()).isEqualTo(204);
        assertThat(site.anonymous().get("/f/p").statusCode()).isEqualTo(404);
    }

    @Test
    void ifMatchAnyNeedsTheObjectToExist() {
        assertThat(manager.put("/f/new", "text/plain", "x", "If-Match", "*").statusCode()).isEqualTo(412);
        assertThat(site.anonymous().get("/f/new").statusCode()).isEqualTo(404);
        assertThat(manager.delete("/f/p", "If-Match", "*").statusCode()).isEqualTo(204);
    }

    @Test
    void aWeakTagNeverMatchesIfMatch() {
        assertThat(manager.delete("/f/p", "If-Match", "W/" + etag("/f/p")).statusCode()).isEqualTo(412);
        assertThat(site.anonymous().get("/f/p").statusCode()).isEqualTo(200);
    }

    @Test
    void postIsConditionalOnTheFolder() {
        String folderTag = etag("/f");
        assertThat(manager.put("/f/p?title=Renamed", "text/plain", "second").statusCode()).isEqualTo(200);
        assertThat(etag("/f")).as("a child's new title changes the listing").isNotEqualTo(folderTag);

        HttpResponse<String> refused = manager.post("/f", "{\"name\":\"q\",\"type\":\"page\"}", "If-Match", folderTag);
        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(site.anonymous().get("/f/q").statusCode()).isEqualTo(404);

        assertThat(manager.post("/f", "{\"name\":\"q\",\"type\":\"page\"}", "If-Match", etag("/f")).statusCode())
                .isEqualTo(201);
    }

    @Test
    void preconditionsAreCheckedBeforeTheBodyIsRead() {
        HttpResponse<String> refused = manager.post("/f", "{not json", "If-Match", "\"1\"");
        assertThat(refused.statusCode()).isEqualTo(412);
    }

    @Test
    void aDateBeforeTheLastChangeRefusesEveryWrite() {
        assertThat(manager.put("/f/p", "text/plain", "lost", "If-Unmodified-Since", LONG_AGO).statusCode())
                .isEqualTo(412);
        assertThat(manager.delete("/f/p", "If-Unmodified-Since", LONG_AGO).statusCode()).isEqualTo(412);
        HttpResponse<String> post = manager.post("/f", "{\"name\":\"q\",\"type\":\"page\"}",
                "If-Unmodified-Since", LONG_AGO);
        assertThat(post.statusCode()).isEqualTo(412);
        assertThat(post.body()).contains("/f was changed at ").contains("after If-Unmodified-Since " + LONG_AGO);
        assertThat(site.anonymous().get("/f/p").body()).contains("first");
        assertThat(site.anonymous().get("/f/q").statusCode()).isEqualTo(404);
    }

    @Test
    void theSecondOfTheLastChangeStillPassesAndTheSecondBeforeDoesNot() {
        Instant modified = modified("p").truncatedTo(ChronoUnit.SECONDS);
        assertThat(manager.put("/f/p", "text/plain", "x", "If-Unmodified-Since",
                HttpDate.format(modified.minusSeconds(1))).statusCode()).isEqualTo(412);
        assertThat(manager.put("/f/p", "text/plain", "x", "If-Unmodified-Since", HttpDate.format(modified))
                .statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "EEE, dd MMM yyyy HH:mm:ss 'GMT'", "EEEE, dd-MMM-yy HH:mm:ss 'GMT'",
            "EEE MMM ppd HH:mm:ss yyyy" })
    void everyHttpDateFormatIsRead(String pattern) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);
        assertThat(manager.delete("/f/p", "If-Unmodified-Since", format.format(yesterday)).statusCode())
                .isEqualTo(412);
        assertThat(manager.delete("/f/p", "If-Unmodified-Since", format.format(tomorrow)).statusCode())
                .isEqualTo(204);
    }

    @Test
    void aDateThatIsNoHttpDateIsIgnored() {
        assertThat(manager.put("/f/p", "text/plain", "x", "If-Unmodified-Since", "yesterday").statusCode())
                .isEqualTo(200);
        assertThat(manager.put("/f/p", "text/plain", "x", "If-Unmodified-Since", "2001-01-01T00:00:00Z")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void ifMatchWinsOverIfUnmodifiedSince() {
        assertThat(manager.put("/f/p", "text/plain", "x", "If-Match", etag("/f/p"), "If-Unmodified-Since", LONG_AGO)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aDateOnAnObjectThatDoesNotExistYetIsIgnored() {
        assertThat(manager.put("/f/new", "text/plain", "x", "If-Unmodified-Since", LONG_AGO).statusCode())
                .isEqualTo(201);
    }

    @Test
    void ifNoneMatchAnyCreatesButNeverReplaces() {
        HttpResponse<String> refused = manager.put("/f/p", "text/plain", "overwritten", "If-None-Match", "*");
        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(site.anonymous().get("/f/p").body()).contains("first");
        assertThat(manager.put("/f/new", "text/plain", "created", "If-None-Match", "*").statusCode()).isEqualTo(201);
    }

    @Test
    void ifNoneMatchComparesWeakly() {
        assertThat(manager.delete("/f/p", "If-None-Match", "\"nope\", W/" + etag("/f/p")).statusCode())
                .isEqualTo(412);
        assertThat(manager.delete("/f/p", "If-None-Match", "\"nope\"").statusCode()).isEqualTo(204);
    }

    @Test
    void aMissingObjectIsNotFoundWhateverTheCondition() {
        assertThat(manager.delete("/f/ghost", "If-Match", "\"1\"").statusCode()).isEqualTo(404);
    }

    private String etag(String path) {
        return site.anonymous().get(path).headers().firstValue("ETag").orElseThrow();
    }

    private Instant modified(String name) {
        try (Transaction transaction = site.application().store().begin(null, true)) {
            Folder folder = (Folder) transaction.load(transaction.root().child("f").oid());
            return Instant.ofEpochMilli(transaction.load(folder.child(name).oid()).modified());
        }
    }

}
