package org.jope.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every container must do with all three on the classpath: serve the site on a real socket, be the container
 * that jope.server.type picked, and run exactly jope.server.threads request workers.
 */
abstract class ContainerContract {

    static final int THREADS = 3;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    abstract Class<? extends WebServer> expectedServer();

    abstract int requestWorkerMaximum(WebServer server);

    @Test
    void rootListsTheWelcomePage() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<h1>Jope</h1>").contains("<a href=\"/welcome\">Welcome to Jope</a>");
    }

    @Test
    void welcomePageIsPublished() throws Exception {
        HttpResponse<String> response = get("/welcome");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<h1>Welcome to Jope</h1>").contains("Jope is publishing this site");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = get("/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("404 Not Found");
    }

    @Test
    void controllerAndPublisherAnswerSideBySide() throws Exception {
        assertThat(get("/api/greeting").body()).isEqualTo("hello from a controller");
        assertThat(get("/welcome").statusCode()).isEqualTo(200);
    }

    @Test
    void runningServerIsTheChosenContainer() {
        assertThat(context.getWebServer()).isInstanceOf(expectedServer());
    }

    @Test
    void workerPoolIsTheConfiguredThreads() {
        assertThat(requestWorkerMaximum(context.getWebServer())).isEqualTo(THREADS);
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
