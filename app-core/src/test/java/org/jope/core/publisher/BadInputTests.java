package org.jope.core.publisher;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a 4xx with a message and change nothing: the root listing and its tag stay as they were. */
class BadInputTests {

    @TempDir
    Path directory;

    private Site site;

    private Http manager;

    private String rootBefore;

    @BeforeEach
    void start() throws Exception {
        site = Site.start(directory, (config) -> config.maxRequestBodySize(1024));
        manager = site.manager();
        rootBefore = site.anonymous().get("/@@json").body();
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(site.anonymous().get("/@@json").body()).as("nothing was written").isEqualTo(rootBefore);
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "a/b", "..", ".", "tab\there", "nul\u0000", "bell\u0007", "" })
    void badNamesAreRefused(String name) {
        HttpResponse<String> response = manager.post("/",
                "{\"name\":\"" + name.replace("\u0000", "\\u0000").replace("\u0007", "\\u0007").replace("\t", "\\t")
                        + "\",\"type\":\"page\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("A name must");
    }

    @Test
    void tooLongNameIsRefused() {
        HttpResponse<String> response = manager.post("/", "{\"name\":\"" + "x".repeat(256) + "\",\"type\":\"page\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("at most 255 characters");
    }

    @Test
    void controlCharacterInAPathNameIsRefused() {
        HttpResponse<String> response = manager.put("/evil%01name", "text/plain", "x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("control characters");
    }

    @Test
    void viewNameAsObjectNameIsRefused() {
        HttpResponse<String> response = manager.post("/", "{\"name\":\"@@json\",\"type\":\"page\"}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void malformedJsonIsRefused() {
        HttpResponse<String> response = manager.post("/", "{\"name\": \"x\", \"type\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The body is not valid JSON");
    }

    @Test
    void unknownFieldOrTypeIsRefused() {
        assertThat(manager.post("/", "{\"name\":\"x\",\"type\":\"page\",\"colour\":\"red\"}").statusCode())
                .isEqualTo(400);
        assertThat(manager.post("/", "{\"name\":\"x\",\"type\":\"widget\"}").body()).contains("Unknown type");
    }

    @Test
    void invalidUtf8PageIsRefused() {
        HttpResponse<String> response = manager.send(manager.request("/bad")
                .header("Content-Type", "text/plain; charset=UTF-8")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] { 'a', (byte) 0xC3, 0x28 })));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not valid UTF-8");
    }

    @Test
    void invalidUtf8FarIntoAPageOrCutAtItsEndIsRefused() {
        byte[] far = "a".repeat(900).getBytes(StandardCharsets.US_ASCII);
        byte[] farBad = java.util.Arrays.copyOf(far, far.length + 2);
        farBad[far.length] = (byte) 0xC3;
        farBad[far.length + 1] = 0x28;
        byte[] cut = java.util.Arrays.copyOf(far, far.length + 2);
        cut[far.length] = (byte) 0xE2;
        cut[far.length + 1] = (byte) 0x82;
        for (byte[] body : List.of(farBad, cut)) {
            HttpResponse<String> response = manager.send(manager.request("/bad")
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("not valid UTF-8");
        }
    }

    @Test
    void oversizedBodyIsRefused() {
        HttpResponse<String> response = manager.put("/big", "text/plain", "x".repeat(2000));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than the limit of 1024 bytes");
    }

    @Test
    void oversizedChunkedBodyIsRefused() {
        byte[] body = "y".repeat(5000).getBytes();
        HttpResponse<String> response = manager.send(manager.request("/big").header("Content-Type", "text/plain")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void deletingANonEmptyFolderNeedsTheFlag() {
        // The root holds the welcome page; the root itself can never go.
        assertThat(manager.delete("/").statusCode()).isEqualTo(409);
    }

    @Test
    void unknownMethodIs405() {
        HttpResponse<String> response = manager.send(manager.request("/welcome")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("x")));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).isPresent();
    }

}
