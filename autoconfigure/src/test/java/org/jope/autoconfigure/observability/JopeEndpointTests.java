package org.jope.autoconfigure.observability;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/jope} reports the effective settings and the safety verdict, and follows Boot's exposure rules:
 * over HTTP only where management.endpoints.web.exposure.include names it.
 */
class JopeEndpointTests {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void reportsTheEffectiveSettingsWhenExposed() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("jetty", new Class<?>[0],
                "management.endpoints.web.exposure.include=health,jope", "jope.server.threads=3",
                "jope.store.pool-size=5", "jope.safety.threads-vs-pool=warn", "jope.debug-exceptions=true",
                "jope.server.expose-tracebacks=true")) {
            assertThat(ObservedSite.get(site, "/").statusCode()).isEqualTo(200);
            HttpResponse<String> response = ObservedSite.get(site, "/actuator/jope");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).contains("json"));
            JsonNode jope = mapper.readTree(response.body());

            assertThat(jope.at("/server/type").asText()).isEqualTo("jetty");
            assertThat(jope.at("/server/threads").asInt()).isEqualTo(3);
            assertThat(jope.at("/server/queuedRequests").isInt()).isTrue();
            assertThat(jope.at("/store/poolSize").asInt()).isEqualTo(5);
            assertThat(jope.at("/store/kind").asText()).isEqualTo("embedded");
            assertThat(jope.at("/store/url").asText()).startsWith("jdbc:h2:file:").doesNotContain("******");
            assertThat(jope.at("/store/poolTimeoutMillis").asLong()).isEqualTo(5000);
            assertThat(jope.at("/safety/threadsVsPool").asText()).isEqualTo("warn");
            assertThat(jope.at("/safety/threadsBelowPool").asBoolean()).isTrue();
            assertThat(jope.at("/safety/verdict").asText()).contains("3 request threads").contains("5 store");
            assertThat(jope.at("/cache/size").asLong()).isPositive();
            assertThat(jope.at("/cache/hitRatio").isNumber()).isTrue();
            assertThat(jope.at("/cache/maximumSize").asLong()).isEqualTo(5000);
            assertThat(jope.at("/requests/completed").asLong()).isPositive();
            assertThat(jope.at("/debug/debugExceptions").asBoolean()).isTrue();
            assertThat(jope.at("/debug/exposeTracebacks").asBoolean()).isTrue();
            assertThat(jope.at("/watchdog/enabled").asBoolean()).isTrue();
            assertThat(jope.at("/watchdog/stallAfterMillis").asLong()).isEqualTo(10_000);
        }
    }

    @Test
    void theVerdictNamesThreadsThatExceedThePool() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("undertow", new Class<?>[0],
                "management.endpoints.web.exposure.include=jope", "jope.server.threads=8",
                "jope.store.pool-size=7", "jope.safety.threads-vs-pool=warn")) {
            JsonNode jope = mapper.readTree(ObservedSite.get(site, "/actuator/jope").body());
            assertThat(jope.at("/server/type").asText()).isEqualTo("undertow");
            assertThat(jope.at("/server/threads").asInt()).isEqualTo(8);
            assertThat(jope.at("/safety/threadsBelowPool").asBoolean()).isFalse();
            assertThat(jope.at("/safety/verdict").asText()).contains("8 request threads for 7 store connections");
            assertThat(jope.at("/debug/debugExceptions").asBoolean()).isFalse();
            assertThat(jope.at("/debug/exposeTracebacks").asBoolean()).isFalse();
        }
    }

    @Test
    void isNotExposedOverHttpByDefault() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("tomcat", new Class<?>[0])) {
            HttpResponse<String> response = ObservedSite.get(site, "/actuator/jope");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("poolSize");
            assertThat(site.getBeanNamesForType(JopeEndpoint.class)).isEmpty();
            assertThat(ObservedSite.get(site, "/actuator/health").statusCode()).isEqualTo(200);
        }
    }

}
