package org.jope.core.publisher;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagTests {

    @TempDir
    Path directory;

    @Test
    void staleIfMatchIsRefusedAndTheNewerVersionKept() throws Exception {
        try (Site site = Site.start(directory)) {
            Http manager = site.manager();
            assertThat(manager.put("/notes", "text/plain", "first").statusCode()).isEqualTo(201);
            String firstTag = site.anonymous().get("/notes").headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> second = manager.put("/notes", "text/plain", "second", "If-Match", firstTag);
            assertThat(second.statusCode()).isEqualTo(200);
            String secondTag = second.headers().firstValue("ETag").orElseThrow();
            assertThat(secondTag).isNotEqualTo(firstTag);

            HttpResponse<String> stale = manager.put("/notes", "text/plain", "lost update", "If-Match", firstTag);
            assertThat(stale.statusCode()).isEqualTo(412);
            HttpResponse<String> current = site.anonymous().get("/notes");
            assertThat(current.body()).contains("second").doesNotContain("lost update");
            assertThat(current.headers().firstValue("ETag")).hasValue(secondTag);
        }
    }

    @Test
    void ifMatchOnAMissingObjectIsRefused() throws Exception {
        try (Site site = Site.start(directory)) {
            HttpResponse<String> response = site.manager().put("/ghost", "text/plain", "x", "If-Match", "\"1\"");
            assertThat(response.statusCode()).isEqualTo(412);
            assertThat(site.anonymous().get("/ghost").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void folderTagChangesWhenAChildTitleChanges() throws Exception {
        try (Site site = Site.start(directory)) {
            String before = site.anonymous().get("/").headers().firstValue("ETag").orElseThrow();
            assertThat(site.manager().put("/welcome?title=Hello", "text/html", "<p>hi</p>").statusCode())
                    .isEqualTo(200);
            HttpResponse<String> after = site.anonymous().get("/");
            assertThat(after.body()).contains(">Hello</a>");
            assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
        }
    }

}
