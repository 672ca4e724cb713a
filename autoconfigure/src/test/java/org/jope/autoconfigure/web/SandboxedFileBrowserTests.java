package org.jope.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.springframework.context.ConfigurableApplicationContext;

import org.jope.core.security.InitUserFile;
import org.jope.testsite.HeadlessChromium;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An uploaded SVG with a script, opened in a real headless Chromium: the browser shows it, but the script never runs
 * and the document has an origin of its own, not the site's. A page that a manager published as HTML, with the same
 * script, runs it on the site's origin: the browser runs scripts, and the sandbox is what stops this one.
 */
class SandboxedFileBrowserTests {

    private static final String SCRIPT = "document.documentElement.setAttribute('data-ran', 'yes');";

    private static final String PROBE = "return [document.documentElement.getAttribute('data-ran') === 'yes', "
            + "String(window.origin)]";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void anUploadedSvgRunsNoScriptAndHasNoAccessToTheSite(@TempDir Path profile) throws Exception {
        HeadlessChromium.require();
        Path directory = Files.createDirectories(Path.of("target/http", UUID.randomUUID().toString()));
        Path inituser = directory.resolve("inituser");
        InitUserFile.addUser(inituser, "admin", "pw", 4);
        try (ConfigurableApplicationContext site = Sites.start("tomcat", new Class<?>[0],
                "jope.security.inituser=" + inituser.toAbsolutePath())) {
            String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text y=\"20\">logo</text><script>" + SCRIPT
                    + "</script></svg>";
            assertThat(send(site, "/", "application/json", "POST", "{\"name\": \"logo.svg\", \"type\": \"file\", "
                    + "\"contentType\": \"image/svg+xml\", \"body\": \""
                    + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)) + "\"}"))
                    .isEqualTo(201);
            assertThat(send(site, "/trusted", "text/html", "PUT", "<script>" + SCRIPT + "</script>")).isEqualTo(201);

            WebDriver browser = HeadlessChromium.start(profile);
            try {
                browser.get(Sites.url(site) + "/logo.svg");
                assertThat(browser.getPageSource()).as("the browser shows the file").contains("logo");
                assertThat(probe(browser)).containsExactly(false, "null");

                browser.get(Sites.url(site) + "/trusted");
                assertThat(probe(browser)).containsExactly(true, Sites.url(site));
            }
            finally {
                browser.quit();
            }
        }
    }

    private static List<Object> probe(WebDriver browser) {
        @SuppressWarnings("unchecked")
        List<Object> result = (List<Object>) ((JavascriptExecutor) browser).executeScript(PROBE);
        return result;
    }

    private int send(ConfigurableApplicationContext site, String path, String type, String method, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Sites.url(site) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:pw".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

}
