package org.jope.core.publisher;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.http.Rendered;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** If-None-Match and If-Modified-Since on every view, GET and HEAD, as RFC 9110 and Zope answer them. */
class ConditionalGetTests {

    @TempDir
    Path directory;

    private Site site;

    private Http anonymous;

    @BeforeEach
    void start() throws Exception {
        site = Site.start(directory);
        site.application().publisher().views().register("clock",
                (traversed, request) -> Rendered.text(200, "the same text every time\n"));
        anonymous = site.anonymous();
        assertThat(site.manager().put("/notes", "text/plain", "first").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    @Test
    void theCurrentTagIsAnswered304WithoutABody() {
        for (String path : new String[] { "/", "/notes", "/notes/@@json", "/notes/@@clock" }) {
            HttpResponse<String> first = anonymous.get(path);
            String tag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = anonymous.get(path, "If-None-Match", tag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(again.headers().firstValue("ETag")).as(path).hasValue(tag);
            assertThat(again.headers().firstValue("Content-Length").orElse("0")).as(path).isEqualTo("0");
        }
    }

    @Test
    void headIsAnswered304Too() {
        String tag = anonymous.get("/notes").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> head = anonymous.send(anonymous.request("/notes", "If-None-Match", tag)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(304);
    }

    @Test
    void aListOfTagsAWeakTagAndTheStarMatch() {
        String tag = anonymous.get("/notes").headers().firstValue("ETag").orElseThrow();
        assertThat(anonymous.get("/notes", "If-None-Match", "\"nope\", " + tag + ", \"other\"").statusCode())
                .isEqualTo(304);
        assertThat(anonymous.get("/notes", "If-None-Match", "W/" + tag).statusCode()).isEqualTo(304);
        assertThat(anonymous.get("/notes", "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(anonymous.get("/notes", "If-None-Match", "\"nope\", \"other\"").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/notes", "If-None-Match", tag.substring(0, tag.length() - 1)).statusCode())
                .as("an unterminated tag names nothing").isEqualTo(200);
    }

    @Test
    void aChangedObjectIsAnswered200WithItsNewBodyAndTag() {
        String pageTag = anonymous.get("/notes").headers().firstValue("ETag").orElseThrow();
        String folderTag = anonymous.get("/").headers().firstValue("ETag").orElseThrow();
        assertThat(site.manager().put("/notes?title=Changed", "text/plain", "second").statusCode()).isEqualTo(200);

        HttpResponse<String> page = anonymous.get("/notes", "If-None-Match", pageTag);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("second");
        assertThat(page.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(pageTag);
        HttpResponse<String> folder = anonymous.get("/", "If-None-Match", folderTag);
        assertThat(folder.statusCode()).as("the listing shows the new title").isEqualTo(200);
        assertThat(folder.body()).contains(">Changed</a>");
    }

    @Test
    void ifModifiedSinceIsHonouredAndComesAfterIfNoneMatch() {
        HttpResponse<String> first = anonymous.get("/notes");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(anonymous.get("/notes", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(anonymous.get("/notes", "If-Modified-Since", httpDate(Instant.now().plusSeconds(60)))
                .statusCode()).isEqualTo(304);
        assertThat(anonymous.get("/notes", "If-Modified-Since", httpDate(Instant.now().minusSeconds(3600)))
                .statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/notes", "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/notes", "If-Modified-Since", lastModified, "If-None-Match", "\"other\"")
                .statusCode()).as("If-None-Match decides when both are sent").isEqualTo(200);
    }

    @Test
    void ifModifiedSinceSeesAChangeMadeAfterIt() {
        // HTTP dates have whole seconds; a date one second back is older than any write from now on.
        String since = httpDate(Instant.now().minusSeconds(1));
        assertThat(site.manager().put("/notes", "text/plain", "second").statusCode()).isEqualTo(200);
        HttpResponse<String> changed = anonymous.get("/notes", "If-Modified-Since", since);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("second");
        assertThat(anonymous.get("/", "If-Modified-Since", since).statusCode())
                .as("the folder's listing changed with its child").isEqualTo(200);
    }

    @Test
    void aWriteWithAStaleIfMatchIsStill412() {
        String tag = anonymous.get("/notes").headers().firstValue("ETag").orElseThrow();
        assertThat(site.manager().put("/notes", "text/plain", "second", "If-Match", tag).statusCode()).isEqualTo(200);
        assertThat(site.manager().put("/notes", "text/plain", "lost", "If-Match", tag).statusCode()).isEqualTo(412);
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

}
