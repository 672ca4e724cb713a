package com.example.userapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, over real HTTP: the controller answers its path, Jope's publisher serves
 * the site's root folder, and the container is the one application.yml names.
 */
// Each run gets a new store under target/, so the test neither sees nor locks the ./var/data of `mvn spring-boot:run`.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "jope.store.url=jdbc:h2:file:./target/test-stores/${random.uuid}/jope",
        "jope.log.access.file=target/test-log/access.log", "jope.log.event.file=target/test-log/event.log" })
// Registered on the class, so that it captures the start-up lines too: the context starts after it.
@ExtendWith(OutputCaptureExtension.class)
class UserApplicationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @LocalServerPort
    private int port;

    @Autowired
    private ServletWebServerApplicationContext context;

    @Test
    void theControllerAnswersItsPath() throws Exception {
        HttpResponse<String> response = get("/api/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"message\":\"Hello from user-app\"}");
    }

    @Test
    void thePublisherServesTheSiteRoot() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("ETag")).isPresent();
        // The root folder's listing, with the welcome page that a new store starts with.
        assertThat(response.body()).contains("<h1>Jope</h1>").contains("<a href=\"/welcome\">Welcome to Jope</a>");
    }

    @Test
    void theSiteRunsOnUndertow(CapturedOutput output) {
        assertThat(context.getWebServer()).isInstanceOf(UndertowServletWebServer.class);
        assertThat(output).contains("Serving on http://127.0.0.1:" + port + " (undertow, 4 threads)");
    }

    /** A GET to 127.0.0.1, where server.address binds the site, rather than "localhost", which may be ::1. */
    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
