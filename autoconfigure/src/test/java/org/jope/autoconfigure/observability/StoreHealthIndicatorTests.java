package org.jope.autoconfigure.observability;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.core.config.JopeConfig;
import org.jope.core.store.ObjectStore;

import static org.assertj.core.api.Assertions.assertThat;

/** The store is UP when a connection can be borrowed and answers in time, DOWN with the reason otherwise. */
class StoreHealthIndicatorTests {

    @Test
    void upOnAWorkingStore() throws Exception {
        try (ConfigurableApplicationContext site = ObservedSite.start("tomcat", new Class<?>[0],
                "management.endpoint.health.show-details=always")) {
            HttpResponse<String> response = ObservedSite.get(site, "/actuator/health");
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode health = new ObjectMapper().readTree(response.body());
            assertThat(health.at("/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/jopeStore/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/jopeStore/details/kind").asText()).isEqualTo("embedded");
            assertThat(health.at("/components/jopeStore/details/url").asText()).startsWith("jdbc:h2:file:");
            assertThat(health.at("/components/jopeStore/details/responseMillis").isNumber()).isTrue();
        }
    }

    @Test
    void downWhileNoConnectionCanBeBorrowed() throws Exception {
        Path directory = Files.createDirectories(Path.of("target/observability", UUID.randomUUID().toString()));
        JopeConfig config = JopeConfig.builder().storeUrl("jdbc:h2:file:" + directory.toAbsolutePath().resolve("jope"))
                .poolSize(1).initUser(directory.resolve("inituser")).build();
        try (ObjectStore store = ObjectStore.open(config)) {
            StoreHealthIndicator indicator = new StoreHealthIndicator(store, Duration.ofMillis(300));
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
            try (Connection held = store.dataSource().getConnection()) {
                Health health = indicator.health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails().get("error")).asString()
                        .contains("Connection is not available, request timed out");
                assertThat(health.getDetails()).containsEntry("kind", "embedded");
            }
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        }
    }

}
