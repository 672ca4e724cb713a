package org.jope.core.publisher;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** Folders, pages and files: created, traversed, rendered as HTML and JSON, and removed. */
class ContentTests {

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path directory;

    @Test
    void foldersPagesAndFilesAreTraversedAndRendered() throws Exception {
        try (Site site = Site.start(directory)) {
            Http manager = site.manager();
            assertThat(manager.post("/", "{\"name\":\"docs\",\"type\":\"folder\",\"title\":\"Docs & <Notes>\"}")
                    .statusCode()).isEqualTo(201);
            assertThat(manager.post("/docs", "{\"name\":\"readme\",\"type\":\"page\",\"contentType\":\"text/plain\","
                    + "\"body\":\"<script>alert(1)</script>\"}").statusCode()).isEqualTo(201);
            String logo = Base64.getEncoder().encodeToString(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
            HttpResponse<String> created = manager.post("/docs", "{\"name\":\"logo.png\",\"type\":\"file\","
                    + "\"contentType\":\"image/png\",\"body\":\"" + logo + "\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Location")).hasValue("/docs/logo.png");

            Http anonymous = site.anonymous();
            HttpResponse<String> listing = anonymous.get("/docs/");
            assertThat(listing.body()).contains("<h1>Docs &amp; &lt;Notes&gt;</h1>")
                    .contains("href=\"/docs/readme\"").contains("href=\"/docs/logo.png\"");
            assertThat(listing.body().indexOf("readme")).isLessThan(listing.body().indexOf("logo.png"));
            assertThat(anonymous.get("/docs/readme").body()).contains("&lt;script&gt;").doesNotContain("<script>");
            assertThat(anonymous.get("/docs/readme/index_html").statusCode()).isEqualTo(200);
            HttpResponse<String> file = anonymous.get("/docs/logo.png");
            assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");

            JsonNode json = mapper.readTree(anonymous.get("/docs", "Accept", "application/json").body());
            assertThat(json.get("kind").asText()).isEqualTo("folder");
            assertThat(json.get("children")).extracting((child) -> child.get("name").asText())
                    .containsExactly("readme", "logo.png");
            assertThat(mapper.readTree(anonymous.get("/docs/logo.png/@@json").body()).get("size").asInt()).isEqualTo(4);
            assertThat(anonymous.get("/docs/@@nosuchview").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void deletingAFolderWithChildrenNeedsTheFlag() throws Exception {
        try (Site site = Site.start(directory)) {
            Http manager = site.manager();
            manager.post("/", "{\"name\":\"old\",\"type\":\"folder\"}");
            manager.put("/old/page", "text/html", "<p>old</p>");
            HttpResponse<String> refused = manager.delete("/old");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("recursive=true");
            assertThat(site.anonymous().get("/old/page").statusCode()).isEqualTo(200);

            assertThat(manager.delete("/old?recursive=true").statusCode()).isEqualTo(204);
            assertThat(site.anonymous().get("/old").statusCode()).isEqualTo(404);
            assertThat(site.anonymous().get("/old/page").statusCode()).isEqualTo(404);
            assertThat(site.anonymous().get("/").body()).doesNotContain("href=\"/old\"");
        }
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        try (Site site = Site.start(directory)) {
            HttpResponse<String> head = site.anonymous().send(site.anonymous().request("/welcome")
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("ETag")).isPresent();
        }
    }

}
