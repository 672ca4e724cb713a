package org.jope.autoconfigure.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import org.jope.autoconfigure.ErrorPathEnvironmentPostProcessor;
import org.jope.core.security.InitUserFile;
import org.jope.testsite.RawHttp;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the publisher's HTTP must be on every container, read byte for byte from a raw socket: names percent-encoded
 * in Location and Content-Disposition with the same bytes everywhere, '%' in a name served and ambiguous paths
 * refused, /error free for the site while the application's controllers keep Boot's error handling, nosniff on
 * every answer, uploads sandboxed, views never written, stale writes refused. Each subclass names a container; the
 * expected bytes are written once, here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HttpContract {

    private static final String MANAGER = "admin";

    private static final String PASSWORD = "pw";

    private ConfigurableApplicationContext site;

    private int port;

    abstract String type();

    @BeforeAll
    void start() throws IOException {
        Path directory = Files.createDirectories(Path.of("target/http", UUID.randomUUID().toString()));
        Path inituser = directory.resolve("inituser");
        InitUserFile.addUser(inituser, MANAGER, PASSWORD, 4);
        site = Sites.start(type(), new Class<?>[] { ApplicationController.class },
                "jope.security.inituser=" + inituser.toAbsolutePath());
        port = Integer.parseInt(Sites.url(site).substring(Sites.url(site).lastIndexOf(':') + 1));
        assertThat(post("/", "{\"name\": \"f\", \"type\": \"folder\"}").status()).isEqualTo(201);
        assertThat(put("/f/p", "text/plain", "secret-p").status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            \\u00e9\\ud83d\\ude00 | /f/%C3%A9%F0%9F%98%80
            a?b                   | /f/a%3Fb
            a#b                   | /f/a%23b
            100%                  | /f/100%25
            'a b'                 | /f/a%20b
            R&D;1+1=2             | /f/R%26D%3B1%2B1%3D2
            """)
    void aPostAnswersThePercentEncodedLocationAndFollowingItServesTheObject(String escapedName, String location)
            throws IOException {
        RawHttp.Response created = post("/f", "{\"name\": \"" + escapedName + "\", \"type\": \"page\","
                + " \"contentType\": \"text/plain\", \"body\": \"the page at " + location + "\"}");
        assertThat(created.status()).as(created.bodyText()).isEqualTo(201);
        assertThat(header(created, "Location")).isEqualTo(location);

        RawHttp.Response followed = get(location);
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.bodyText()).contains("the page at " + location);
    }

    @Test
    void aPutThatCreatesAnswersThePercentEncodedLocation() throws IOException {
        RawHttp.Response created = put("/f/%C3%A9t%C3%A9%20%E2%82%AC", "text/plain", "summer");
        assertThat(created.status()).isEqualTo(201);
        assertThat(header(created, "Location")).isEqualTo("/f/%C3%A9t%C3%A9%20%E2%82%AC");
    }

    @Test
    void aNameWithPercentIsServed() throws IOException {
        assertThat(put("/f/50%25%20off", "text/plain", "half price").status()).isEqualTo(201);
        RawHttp.Response served = get("/f/50%25%20off");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bodyText()).contains("half price");
        assertThat(get("/f/%2525").status()).as("a literal %25 is a name of its own").isEqualTo(404);
    }

    /** An application's code may ask the servlet API for the decoded path, which Jetty refuses for an ambiguous one. */
    @Test
    void aControllerReadsTheDecodedPathOfANameWithPercent() throws IOException {
        RawHttp.Response echoed = get(ApplicationController.SERVLET_PATH + "/50%25");
        assertThat(echoed.status()).as(echoed.bodyText()).isEqualTo(200);
        assertThat(echoed.bodyText()).isEqualTo(ApplicationController.SERVLET_PATH + "/50%");
    }

    /** Each of these would reach /f/p if a separator or a dot segment were decoded before the path is split. */
    @ParameterizedTest
    @ValueSource(strings = { "/f%2Fp", "/f%2fp", "/x/%2e%2e/f/p", "/x/%2E%2E/f/p", "/x/.%2e/f/p", "/x/..%2Ff/p",
            "/x/%2e%2e%2ff/p", "/f%5Cp", "/f/p%00", "/x/%252e%252e/f/p" })
    void anAmbiguousPathIsRefused(String path) throws IOException {
        RawHttp.Response response = get(path);
        assertThat(response.status()).as(path).isIn(400, 404);
        assertThat(response.bodyText()).doesNotContain("secret-p");
    }

    @Test
    void anObjectNamedErrorIsServedAtSlashError() throws IOException {
        RawHttp.Response missing = get("/error");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.bodyText()).contains("<h1>404 Not Found</h1>").doesNotContain("\"status\"");

        assertThat(put("/error", "text/plain", "an object named error").status()).isEqualTo(201);
        RawHttp.Response served = get("/error");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bodyText()).contains("an object named error");
        assertThat(site.getEnvironment().getProperty("server.error.path"))
                .isEqualTo(ErrorPathEnvironmentPostProcessor.ERROR_PATH);
    }

    @Test
    void aControllerThatThrowsStillGetsBootsErrorHandling() throws IOException {
        RawHttp.Response json = RawHttp.send(port, request("GET", ApplicationController.THROWS, "Accept: application/json\r\n", ""));
        assertThat(json.status()).isEqualTo(500);
        assertThat(header(json, "Content-Type")).startsWith("application/json");
        assertThat(json.bodyText()).contains("\"status\":500").contains("\"path\":\"" + ApplicationController.THROWS + "\"");

        RawHttp.Response page = RawHttp.send(port, request("GET", ApplicationController.THROWS, "Accept: text/html\r\n", ""));
        assertThat(page.status()).isEqualTo(500);
        assertThat(page.bodyText()).contains("Whitelabel Error Page");

        RawHttp.Response notFound = RawHttp.send(port,
                request("GET", ApplicationController.NOT_FOUND, "Accept: application/json\r\n", ""));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.bodyText()).contains("\"status\":404").contains("\"path\":\"" + ApplicationController.NOT_FOUND + "\"");
    }

    @Test
    void everyAnswerSaysNosniff() throws IOException {
        for (String path : new String[] { "/", "/welcome", "/f/@@json", "/no/such/thing", "/api/greeting",
                ApplicationController.THROWS, ApplicationController.NOT_FOUND, ErrorPathEnvironmentPostProcessor.ERROR_PATH }) {
            assertThat(header(get(path), "X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        assertThat(header(put("/f/@@json", "text/plain", "x"), "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void anUploadedSvgIsSandboxedAndNamesItselfInAscii() throws IOException {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        assertThat(post("/f", "{\"name\": \"r\\u00e9sum\\u00e9.svg\", \"type\": \"file\", \"contentType\": "
                + "\"image/svg+xml\", \"body\": \"" + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8))
                + "\"}").status()).isEqualTo(201);
        RawHttp.Response served = get("/f/r%C3%A9sum%C3%A9.svg");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.bodyText()).isEqualTo(svg);
        assertThat(header(served, "Content-Type")).isEqualTo("image/svg+xml");
        assertThat(header(served, "Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(header(served, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(served, "Content-Disposition"))
                .isEqualTo("inline; filename=\"r_sum_.svg\"; filename*=UTF-8''r%C3%A9sum%C3%A9.svg");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DELETE | /f/p/@@json
            DELETE | /f/p/index_html
            PUT    | /f/p/@@json
            PUT    | /f/p/index_html
            POST   | /f/@@json
            """)
    void aViewIsNeverWritten(String method, String path) throws IOException {
        String etag = header(get("/f/p"), "ETag");
        RawHttp.Response refused = RawHttp.send(port, request(method, path,
                authorization() + "Content-Type: text/plain\r\n", "changed"));
        assertThat(refused.status()).isEqualTo(405);
        assertThat(header(refused, "Allow")).isEqualTo("GET, HEAD");
        RawHttp.Response after = get("/f/p");
        assertThat(after.bodyText()).contains("secret-p");
        assertThat(header(after, "ETag")).isEqualTo(etag);
    }

    @Test
    void aDeleteWithAStaleIfMatchIsRefused() throws IOException {
        assertThat(put("/f/kept", "text/plain", "v1").status()).isEqualTo(201);
        String stale = header(get("/f/kept"), "ETag");
        assertThat(put("/f/kept", "text/plain", "v2").status()).isEqualTo(200);
        RawHttp.Response refused = RawHttp.send(port, request("DELETE", "/f/kept",
                authorization() + "If-Match: " + stale + "\r\n", ""));
        assertThat(refused.status()).isEqualTo(412);
        assertThat(get("/f/kept").bodyText()).contains("v2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x\\u202etxt.exe | such as the U+202E in this one
            x\\u200by       | such as the U+200B in this one
            _private        | must not start with &#39;_&#39;
            aq_parent       | must not start with &#39;aq_&#39;
            ' '             | must not be only whitespace
            index_html      | the name of the default view
            """)
    void aRefusedNameIsAnswered400WithItsRule(String escapedName, String rule) throws IOException {
        RawHttp.Response refused = post("/f", "{\"name\": \"" + escapedName + "\", \"type\": \"page\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.bodyText()).contains("A name ").contains(rule);
        assertThat(header(refused, "Location")).isNull();
    }

    private RawHttp.Response get(String path) throws IOException {
        return RawHttp.send(port, request("GET", path, "", ""));
    }

    private RawHttp.Response put(String path, String contentType, String body) throws IOException {
        return RawHttp.send(port, request("PUT", path, authorization() + "Content-Type: " + contentType + "\r\n", body));
    }

    /** The JSON is ASCII: anything else in it is written as a \\u escape. */
    private RawHttp.Response post(String path, String json) throws IOException {
        return RawHttp.send(port, request("POST", path, authorization() + "Content-Type: application/json\r\n", json));
    }

    private static String request(String method, String path, String headers, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                + (body.isEmpty() && !method.equals("PUT") && !method.equals("POST") ? ""
                        : "Content-Length: " + body.length() + "\r\n")
                + "\r\n" + body;
    }

    private static String authorization() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((MANAGER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** The value of the one header of that name, as the bytes that came over the socket; null when it is absent. */
    private static String header(RawHttp.Response response, String name) {
        String found = null;
        for (String line : response.head().split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                assertThat(found).as("one %s header in %s", name, response.head()).isNull();
                found = line.substring(colon + 1).strip();
            }
        }
        return found;
    }

    /** An application's own controllers: two fail as controllers do, one reads the servlet API's decoded path. */
    @RestController
    static class ApplicationController {

        static final String THROWS = "/api/boom";

        static final String NOT_FOUND = "/api/missing";

        static final String SERVLET_PATH = "/api/servlet-path";

        @GetMapping(SERVLET_PATH + "/{name}")
        String servletPath(HttpServletRequest request) {
            return request.getServletPath() + (request.getPathInfo() != null ? request.getPathInfo() : "");
        }

        @GetMapping(THROWS)
        String boom() {
            throw new IllegalStateException("a controller failed on purpose");
        }

        @GetMapping(NOT_FOUND)
        String missing() {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "nothing here");
        }

    }

}
