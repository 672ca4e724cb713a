package org.jope.autoconfigure.mount;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher answers every path that no handler maps, without the DispatcherServlet, behind every filter of the
 * application's; controllers, Actuator and prefixed static resources keep their paths.
 */
class PublishingMountTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void publishedPathsSkipTheDispatcherAndMappedPathsKeepIt(String type) throws Exception {
        try (ConfigurableApplicationContext site = Sites.start(type, new Class<?>[] { MountedSite.class },
                "management.endpoints.web.exposure.include=health", "spring.mvc.static-path-pattern=/static/**")) {
            MountedSite.reset();
            assertThat(get(site, "/").statusCode()).isEqualTo(200);
            assertThat(get(site, "/welcome").body()).contains("Welcome to Jope");
            assertThat(get(site, "/welcome/@@json").statusCode()).isEqualTo(200);
            assertThat(get(site, "/no/such/thing").statusCode()).isEqualTo(404);
            assertThat(get(site, "/apis").statusCode()).as("not under /api/").isEqualTo(404);
            assertThat(MountedSite.dispatched).as("published requests never enter the DispatcherServlet").hasValue(0);

            assertThat(get(site, "/api/greeting").body()).isEqualTo("hello from a controller");
            assertThat(get(site, "/api/items/7").body()).isEqualTo("item 7");
            assertThat(get(site, "/api/items/%37").body()).as("an escaped path that maps").isEqualTo("item 7");
            assertThat(get(site, "/reports/2026/q4").body()).isEqualTo("a report");
            assertThat(get(site, "/actuator/health").body()).contains("UP");
            assertThat(get(site, "/static/site.css").body()).as("Boot's static resources under their prefix")
                    .contains("static stylesheet");
            assertThat(MountedSite.dispatched).hasValue(6);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void theApplicationsFiltersSeeEveryPublishedRequestFirst(String type) throws Exception {
        try (ConfigurableApplicationContext site = Sites.start(type, new Class<?>[] { MountedSite.class })) {
            MountedSite.reset();
            assertThat(get(site, "/welcome").statusCode()).isEqualTo(200);
            assertThat(get(site, "/guarded/welcome").statusCode()).as("refused before the publisher").isEqualTo(403);
            assertThat(MountedSite.filtered).containsExactly("/welcome", "/guarded/welcome");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void aServletOfTheApplicationsKeepsItsPaths(String type) throws Exception {
        try (ConfigurableApplicationContext site = Sites.start(type, new Class<?>[] { MountedSite.class })) {
            assertThat(get(site, "/hello").body()).isEqualTo("from the application's servlet");
            assertThat(get(site, "/legacy/report").body()).isEqualTo("from the application's servlet");
            assertThat(get(site, "/hellos").statusCode()).as("not the servlet's path: published").isEqualTo(404);
            assertThat(get(site, "/welcome").body()).contains("Welcome to Jope");
        }
    }

    private HttpResponse<String> get(ConfigurableApplicationContext site, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(Sites.url(site) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
