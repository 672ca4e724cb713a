package org.jope.autoconfigure.observability;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.jope.autoconfigure.ViewRegistration;
import org.jope.core.http.Rendered;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @@status} and {@code @@status-data} are for managers only, and show the endpoint's facts. */
class StatusPageTests {

    @Test
    void anonymousAndWrongCredentialsAreChallenged() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("tomcat", new Class<?>[0])) {
            for (String path : new String[] { "/@@status", "/@@status-data" }) {
                HttpResponse<String> anonymous = ObservedSite.get(site, path);
                assertThat(anonymous.statusCode()).isEqualTo(401);
                assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Jope\"");
                assertThat(anonymous.body()).doesNotContain("jdbc:");
                HttpResponse<String> wrong = ObservedSite.send(
                        HttpRequest.newBuilder(URI.create(Sites.url(site) + path))
                                .header("Authorization", "Basic YWRtaW46d3Jvbmc=").build());
                assertThat(wrong.statusCode()).isEqualTo(401);
            }
        }
    }

    @Test
    void managersSeeTheFactsAndTheCharts() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("jetty", new Class<?>[0],
                "jope.server.threads=3")) {
            HttpResponse<String> page = ObservedSite.getAsManager(site, "/@@status");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(page.body()).contains("<title>Jope status</title>")
                    .contains("<td data-fact=\"server.type\">jetty</td>")
                    .contains("<td data-fact=\"server.threads\">3</td>")
                    .contains("<td data-fact=\"store.kind\">embedded</td>")
                    .contains("data-fact=\"safety.verdict\">3 request threads, below the 7 store connections")
                    .contains("data-format=\"percent\"").contains("<svg id=\"requests-chart\"")
                    .contains("<svg id=\"connections-chart\"").contains("new URL('@@status-data'")
                    .doesNotContain("<link").doesNotContain(" src=").doesNotContain("@import");
        }
    }

    @Test
    void theDataViewHasTheStatusAndTheActivityHistory() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("undertow", new Class<?>[0])) {
            ObjectMapper mapper = new ObjectMapper();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            JsonNode data = mapper.readTree(ObservedSite.getAsManager(site, "/@@status-data").body());
            while (data.get("samples").size() < 2 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
                data = mapper.readTree(ObservedSite.getAsManager(site, "/@@status-data").body());
            }
            assertThat(data.at("/capacity").asInt()).isEqualTo(300);
            assertThat(data.at("/status/server/type").asText()).isEqualTo("undertow");
            assertThat(data.at("/status/store/poolSize").asInt()).isEqualTo(7);
            assertThat(data.get("samples").size()).isGreaterThanOrEqualTo(2);
            JsonNode sample = data.get("samples").get(1);
            assertThat(sample.get("requestsPerSecond").asDouble()).isPositive();
            assertThat(sample.get("activeConnections").isInt()).isTrue();
            assertThat(sample.get("epochMillis").asLong()).isGreaterThan(data.get("samples").get(0).get("epochMillis")
                    .asLong());
        }
    }

    @Test
    void aSiteViewOfTheSameNameReplacesTheStatusPage() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("tomcat",
                new Class<?>[] { SiteStatusView.class })) {
            HttpResponse<String> page = ObservedSite.get(site, "/@@status");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("the site's own status\n");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SiteStatusView {

        @Bean
        ViewRegistration siteStatusView() {
            return new ViewRegistration("status",
                    (traversed, request) -> Rendered.text(200, "the site's own status\n"));
        }

    }

}
