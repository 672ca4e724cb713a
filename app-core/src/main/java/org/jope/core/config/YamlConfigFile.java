package org.jope.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * An application.yml read as Spring Boot reads it, flattened into a lookup from key to raw text: nested and dotted
 * keys alike ({@code jope: store: url:} or {@code jope.store.url:}), relaxed names ({@code poolSize},
 * {@code pool-size}), an empty value as the empty text. Of a file with several documents ({@code ---}), later
 * documents override earlier ones, and those that apply only to a Spring profile or platform
 * ({@code spring.config.activate.*}) are skipped, since without Spring there is none.
 */
public final class YamlConfigFile implements Function<String, String> {

    private static final List<String> ACTIVATION_KEYS = List.of("spring.config.activate.on-profile",
            "spring.config.activate.on-cloud-platform", "spring.profiles");

    private final String origin;

    private final Function<String, String> values;

    private YamlConfigFile(String origin, Function<String, String> values) {
        this.origin = origin;
        this.values = values;
    }

    /** @throws ConfigException if the file is missing, unreadable, not YAML, or not a map of settings */
    public static YamlConfigFile load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException ex) {
            throw new ConfigException("The config file " + file.toAbsolutePath() + " does not exist", ex);
        }
        catch (IOException ex) {
            throw new ConfigException("Could not read the config file " + file.toAbsolutePath() + ": " + ex, ex);
        }
        return parse(text, file.toAbsolutePath().toString());
    }

    /**
     * @param origin names the text in messages, such as its file's path
     * @throws ConfigException if the text is not YAML, or not a map of settings
     */
    public static YamlConfigFile parse(String yaml, String origin) {
        Map<String, String> merged = new LinkedHashMap<>();
        try {
            for (Object document : yaml().loadAll(yaml)) {
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new ConfigException(origin + " is not a map of settings (key: value)");
                }
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", map, flat);
                // Checks that no two spellings of one key disagree within the document.
                Function<String, String> lookup = RelaxedNames.lookup(flat, origin);
                if (ACTIVATION_KEYS.stream().noneMatch((key) -> lookup.apply(key) != null)) {
                    // A later document overrides an earlier one whatever spelling each uses.
                    flat.forEach((name, value) -> merged.put(RelaxedNames.canonical(name), value));
                }
            }
        }
        catch (YAMLException ex) {
            throw new ConfigException(origin + " is not valid YAML: " + ex.getMessage(), ex);
        }
        return new YamlConfigFile(origin, (key) -> merged.get(RelaxedNames.canonical(key)));
    }

    /** The raw text of {@code key}, or null when the file does not set it. */
    @Override
    public String apply(String key) {
        return values.apply(key);
    }

    /** The file's path, or whatever else named the text. */
    public String origin() {
        return origin;
    }

    /** Nested keys joined with dots, list items as {@code key[0]}, as Spring Boot names them. */
    private static void flatten(String name, Object value, Map<String, String> flat) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> flatten(name.isEmpty() ? String.valueOf(key) : name + "." + key, nested,
                    flat));
        }
        else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(name + "[" + i + "]", list.get(i), flat);
            }
        }
        else {
            // "key:" with no value is the empty text to Spring Boot, not an absent key.
            flat.put(name, (value != null) ? value.toString() : "");
        }
    }

    /** As Spring Boot loads YAML: safe types only, no duplicate keys, and timestamps left as text. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new NoTimestampResolver());
    }

    /** A password such as 2024-01-31 stays that text, rather than becoming a java.util.Date. */
    private static final class NoTimestampResolver extends Resolver {

        @Override
        public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
            if (tag != Tag.TIMESTAMP) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }

    }

}
