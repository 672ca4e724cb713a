package org.jope.autoconfigure.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.context.ConfigurableApplicationContext;

import org.jope.core.security.InitUserFile;
import org.jope.testsite.Sites;

/** The test site with a manager in its inituser, and the requests these tests send to it. */
final class ObservedSite {

    static final String MANAGER = "admin";

    static final String PASSWORD = "pw";

    static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ObservedSite() {
    }

    static ConfigurableApplicationContext start(String type, Class<?>[] extraSources, String... properties)
            throws IOException {
        Path directory = Files.createDirectories(Path.of("target/observability", UUID.randomUUID().toString()));
        Path inituser = directory.resolve("inituser");
        InitUserFile.addUser(inituser, MANAGER, PASSWORD, 4);
        List<String> all = new ArrayList<>(List.of("jope.security.inituser=" + inituser.toAbsolutePath()));
        all.addAll(List.of(properties));
        return Sites.start(type, extraSources, all.toArray(String[]::new));
    }

    static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((MANAGER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(ConfigurableApplicationContext site, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Sites.url(site) + path)).build());
    }

    static CompletableFuture<HttpResponse<String>> getAsync(ConfigurableApplicationContext site, String path) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(Sites.url(site) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> getAsManager(ConfigurableApplicationContext site, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Sites.url(site) + path))
                .header("Authorization", authorization()).build());
    }

    static HttpResponse<String> putPage(ConfigurableApplicationContext site, String path, String text)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Sites.url(site) + path))
                .header("Authorization", authorization()).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    static HttpResponse<String> putAnonymously(ConfigurableApplicationContext site, String path, String text)
            throws Exception {
        return send(HttpRequest.newBuilder(URI.create(Sites.url(site) + path)).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
