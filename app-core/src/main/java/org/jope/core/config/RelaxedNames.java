package org.jope.core.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Spring Boot's relaxed names, for lookups without Spring: {@code jope.store.pool-size}, {@code jope.store.poolSize}
 * and {@code jope.store.pool_size} name the same key, in a YAML file or in system properties alike.
 */
public final class RelaxedNames {

    private RelaxedNames() {
    }

    /** The form in which relaxed names compare equal: lower case, without dashes or underscores. */
    public static String canonical(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_') {
                canonical.append(Character.toLowerCase(c));
            }
        }
        return canonical.toString();
    }

    /**
     * The environment variable that Spring Boot maps to {@code key}: {@code JOPE_STORE_POOLSIZE} for
     * {@code jope.store.pool-size}.
     */
    public static String environmentVariable(String key) {
        return key.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * A lookup over {@code values}, whose keys may be spelled in any relaxed form.
     *
     * @param origin names where the values come from, for the message when two spellings of one key disagree
     * @throws ConfigException when two spellings of one key have different values, rather than picking one of them
     */
    public static Function<String, String> lookup(Map<String, String> values, String origin) {
        Map<String, String> byCanonical = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        values.forEach((name, value) -> {
            String canonical = canonical(name);
            String earlier = byCanonical.putIfAbsent(canonical, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new ConfigException(origin + " sets one key twice, as " + spelling.get(canonical) + " ('"
                        + earlier + "') and as " + name + " ('" + value + "')");
            }
            spelling.putIfAbsent(canonical, name);
        });
        return (key) -> byCanonical.get(canonical(key));
    }

}
