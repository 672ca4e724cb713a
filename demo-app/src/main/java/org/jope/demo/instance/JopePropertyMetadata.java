package org.jope.demo.instance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code jope.*} properties, read from the {@code META-INF/spring-configuration-metadata.json} that the
 * configuration processor writes into the autoconfigure jar. Reading the metadata, rather than keeping a list here,
 * keeps a generated config file true as properties are added.
 */
public final class JopePropertyMetadata {

    static final String LOCATION = "META-INF/spring-configuration-metadata.json";

    private static final String PREFIX = "jope.";

    private JopePropertyMetadata() {
    }

    /** Every {@code jope.*} property on the class path, sorted by name, so that related ones stand together. */
    public static List<JopeProperty> load(ClassLoader classLoader) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JopeProperty> properties = new TreeMap<>();
        try {
            for (URL resource : Collections.list(classLoader.getResources(LOCATION))) {
                try (InputStream in = resource.openStream()) {
                    for (JsonNode property : mapper.readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        if (name.startsWith(PREFIX)) {
                            JsonNode defaultNode = property.get("defaultValue");
                            Object defaultValue = (defaultNode != null) ? mapper.treeToValue(defaultNode, Object.class)
                                    : null;
                            properties.putIfAbsent(name,
                                    new JopeProperty(name, property.path("description").asText(""), defaultValue));
                        }
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read " + LOCATION, ex);
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException("No jope.* properties in any " + LOCATION
                    + " on the class path: is jope-spring-boot-autoconfigure there?");
        }
        return List.copyOf(properties.values());
    }

}
