package org.jope.autoconfigure.logging;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The IDE sees every logging property, each with a description, from the configuration processor's metadata. */
class LoggingPropertiesMetadataTests {

    @Test
    void everyLoggingPropertyHasADescription() throws Exception {
        Map<String, JsonNode> properties = jopeProperties();
        assertThat(properties).containsKeys("jope.trusted-proxies", "jope.log.access.enabled",
                "jope.log.access.format", "jope.log.access.file", "jope.log.access.console",
                "jope.log.access.max-history", "jope.log.access.max-file-size", "jope.log.access.total-size-cap",
                "jope.log.access.flush-interval", "jope.log.event.level", "jope.log.event.file",
                "jope.log.event.max-history", "jope.log.event.max-file-size", "jope.log.event.total-size-cap");
        properties.forEach((name, property) -> {
            if (name.startsWith("jope.log.") || name.equals("jope.trusted-proxies")) {
                assertThat(property.path("description").asText()).as("description of %s", name).isNotBlank();
            }
        });
        assertThat(properties.get("jope.log.access.format").path("defaultValue").asText()).isEqualTo("combined");
        assertThat(properties.get("jope.log.access.file").path("defaultValue").asText())
                .isEqualTo("var/log/access.log");
    }

    private static Map<String, JsonNode> jopeProperties() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        List<URL> files = new ArrayList<>(Collections.list(LoggingPropertiesMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json")));
        for (URL file : files) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : mapper.readTree(in).path("properties")) {
                    if (property.path("name").asText().startsWith("jope.")) {
                        properties.put(property.path("name").asText(), property);
                    }
                }
            }
        }
        return properties;
    }

}
