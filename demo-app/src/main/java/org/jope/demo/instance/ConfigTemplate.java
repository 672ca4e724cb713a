package org.jope.demo.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The {@code config/application.yml} that init writes: the listening address, then every {@code jope.*} property with
 * its description and its default, commented out, so that the file documents the settings without pinning them.
 * Uncommenting a line as it stands keeps the default: values are quoted wherever YAML would read them as something
 * else (an enum value {@code off} is a boolean to YAML).
 */
public final class ConfigTemplate {

    private static final int WIDTH = 118;

    private static final String HEADER = """
            # The configuration of this Jope instance, written by "jope-demo init". Spring Boot reads it from
            # ./config/application.yml when the site starts in the instance directory, as bin/jopectl starts it, and
            # relative paths resolve against that directory. Each jope property is listed with its default, commented
            # out: remove the "#" to change one.

            server:
              # 127.0.0.1 serves this machine only; put a proxy in front, or use 0.0.0.0 to listen on every interface.
              address: 127.0.0.1
              port: 8080
            """;

    /** Scalars that YAML reads as plain strings whatever their neighbours; anything else is quoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./:+-]*");

    private static final Resolver RESOLVER = new Resolver();

    private ConfigTemplate() {
    }

    public static String render(List<JopeProperty> properties) {
        StringBuilder yaml = new StringBuilder(HEADER);
        for (JopeProperty property : properties) {
            yaml.append('\n');
            for (String line : wrap(property.description())) {
                yaml.append("# ").append(line).append('\n');
            }
            yaml.append('#').append(property.name()).append(':');
            if (property.defaultValue() != null) {
                yaml.append(' ').append(scalar(property.defaultValue()));
            }
            yaml.append('\n');
        }
        return yaml.toString();
    }

    private static String scalar(Object value) {
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        String text = (value instanceof List<?> list)
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : value.toString();
        boolean plain = PLAIN.matcher(text).matches()
                && RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR);
        return plain ? text : doubleQuoted(text);
    }

    private static String doubleQuoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\t' -> quoted.append("\\t");
                case '\n' -> quoted.append("\\n");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH - 2) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append((line.length() > 0) ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

}
