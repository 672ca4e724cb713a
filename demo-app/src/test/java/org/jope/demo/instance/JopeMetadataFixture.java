package org.jope.demo.instance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The jope.* properties and their defaults, read straight from the configuration metadata on the test class path,
 * independently of {@link JopePropertyMetadata}, so that the tests compare the generated file with the source.
 */
final class JopeMetadataFixture {

    private JopeMetadataFixture() {
    }

    /** Property name to its default as text, or null without a default. */
    static Map<String, String> jopeDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        ClassLoader classLoader = JopeMetadataFixture.class.getClassLoader();
        for (URL resource : Collections.list(classLoader.getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = resource.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    String name = property.path("name").asText();
                    if (name.startsWith("jope.")) {
                        JsonNode value = property.get("defaultValue");
                        defaults.put(name, (value != null) ? value.asText() : null);
                    }
                }
            }
        }
        return defaults;
    }

}
