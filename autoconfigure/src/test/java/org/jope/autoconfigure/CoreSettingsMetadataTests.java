package org.jope.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.jope.core.config.ConfigKey;
import org.jope.core.config.JopeSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata that the configuration processor generates agrees with the core's table of keys: every key the
 * core reads is documented with the core's own default, since JopeProperties takes those defaults from the table,
 * where the processor cannot see them; and every jope.* property has a description.
 */
class CoreSettingsMetadataTests {

    @Test
    void everyCoreKeyHasADescriptionAndTheCoresDefault() throws Exception {
        Map<String, JsonNode> metadata = jopeProperties();
        for (ConfigKey<?> key : JopeSettings.ALL) {
            JsonNode property = metadata.get(key.name());
            assertThat(property).as("metadata of %s", key).isNotNull();
            assertThat(property.path("description").asText()).as("description of %s", key).isNotBlank();
            JsonNode documented = property.get("defaultValue");
            if (key.defaultValue() == null) {
                assertThat(documented).as("default of %s", key).isNull();
            }
            else {
                assertThat(documented).as("default of %s", key).isNotNull();
                assertThat(key.parser().parse(key.name(), documented.asText())).as("default of %s", key)
                        .isEqualTo(key.defaultValue());
                assertThat(documented.asText()).as("default of %s as written", key).isEqualTo(key.defaultText());
            }
        }
    }

    @Test
    void everyJopePropertyHasADescription() throws Exception {
        Map<String, JsonNode> metadata = jopeProperties();
        assertThat(metadata).hasSizeGreaterThan(JopeSettings.ALL.size());
        metadata.forEach((name, property) -> assertThat(property.path("description").asText())
                .as("description of %s", name).isNotBlank());
    }

    private static Map<String, JsonNode> jopeProperties() throws Exception {
        Map<String, JsonNode> properties = new HashMap<>();
        ObjectMapper mapper = new ObjectMapper();
        for (URL file : Collections.list(CoreSettingsMetadataTests.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
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
