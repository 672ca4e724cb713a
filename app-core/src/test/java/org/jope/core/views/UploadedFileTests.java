package org.jope.core.views;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.jope.core.content.ContentKind;
import org.jope.core.store.NewContent;
import org.jope.core.store.Transaction;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploaded files are served so that none can act for the site: a type that can carry script is sandboxed, every
 * answer says nosniff, and a content type is checked as a media type before it is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadedFileTests {

    static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script></svg>";

    private final ObjectMapper mapper = new ObjectMapper();

    private Site site;

    private Http manager;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        site = Site.start(directory);
        manager = site.manager();
        assertThat(manager.post("/", "{\"name\":\"f\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    void anSvgWithScriptIsServedSandboxed() throws Exception {
        upload("evil.svg", "image/svg+xml", SVG);
        HttpResponse<String> served = site.anonymous().get("/f/evil.svg");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(SVG);
        HttpHeaders headers = served.headers();
        assertThat(headers.firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Content-Disposition")).hasValue("inline; filename=\"evil.svg\"");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/html", "application/xhtml+xml", "text/xml", "application/xml",
            "application/rss+xml", "text/xsl", "application/x-unheard-of", "multipart/x-mixed-replace;boundary=x",
            "text/javascript" })
    void everyTypeThatMayCarryScriptIsSandboxed(String type) throws Exception {
        String name = "active-" + Integer.toHexString(type.hashCode());
        upload(name, type, "<script>alert(1)</script>");
        assertThat(site.anonymous().get("/f/" + name).headers().firstValue("Content-Security-Policy"))
                .hasValue("sandbox");
    }

    @ParameterizedTest
    @ValueSource(strings = { "image/png", "image/jpeg", "image/webp", "audio/ogg", "video/mp4", "font/woff2",
            "application/pdf", "text/plain;charset=utf-8", "text/csv", "application/json", "application/octet-stream" })
    void aTypeThatIsOnlyDisplayedIsServedAsItIs(String type) throws Exception {
        String name = "passive-" + Integer.toHexString(type.hashCode());
        upload(name, type, "bytes");
        HttpHeaders headers = site.anonymous().get("/f/" + name).headers();
        assertThat(headers.firstValue("Content-Security-Policy")).isEmpty();
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void aFileNamesItselfForSaveAsInAsciiAndInUtf8() throws Exception {
        upload("résumé 2026.pdf", "application/pdf", "%PDF");
        assertThat(site.anonymous().get("/f/r%C3%A9sum%C3%A9%202026.pdf").headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"r_sum_ 2026.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%202026.pdf");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nonsense            | it has no '/' between type and subtype
            text/               | its type and subtype must each be a token
            text/plain; charset | its parameter
            """)
    void aPutWithAContentTypeThatIsNoMediaTypeIsRefused(String type, String reason) {
        HttpResponse<String> response = manager.put("/f/refused", type, "x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("is not a media type");
        assertThat(site.anonymous().get("/f/refused").statusCode()).isEqualTo(404);
    }

    @Test
    void aPutKeepsTheParametersOfAFilesType() {
        assertThat(manager.put("/f/table.csv", "text/csv; charset=UTF-8", "a,b").statusCode()).isEqualTo(201);
        assertThat(site.anonymous().get("/f/table.csv").headers().firstValue("Content-Type"))
                .hasValue("text/csv;charset=UTF-8");
    }

    /** Stores written before types were checked may hold one that is no media type: it goes out as bytes. */
    @Test
    void aStoredTypeThatIsNoMediaTypeIsServedAsBytes() {
        try (Transaction transaction = site.application().store().begin(Site.MANAGER, false)) {
            var folder = (org.jope.core.content.Folder) transaction.load(transaction.root().child("f").oid());
            transaction.createChild(folder, "legacy", new NewContent(ContentKind.FILE, "legacy", "text/html\u0100",
                    "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)), "/f/legacy");
            transaction.commit();
        }
        HttpHeaders headers = site.anonymous().get("/f/legacy").headers();
        assertThat(headers.firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void everyAnswerSaysNosniff() {
        Http anonymous = site.anonymous();
        for (HttpResponse<String> response : new HttpResponse[] { anonymous.get("/"), anonymous.get("/f/@@json"),
                anonymous.get("/no/such/thing"), anonymous.put("/f/x", "text/plain", "x"),
                manager.post("/f", "{broken"), manager.put("/f/p", "text/plain", "x"), manager.delete("/f/p"),
                manager.send(manager.request("/f").method("PATCH", HttpRequest.BodyPublishers.noBody())) }) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString())
                    .hasValue("nosniff");
        }
    }

    private void upload(String name, String type, String body) throws Exception {
        HttpResponse<String> created = manager.post("/f", mapper.writeValueAsString(Map.of("name", name,
                "type", "file", "contentType", type,
                "body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

}
