package org.jope.core.config;

import java.util.function.Function;

/**
 * One {@code jope.*} key that the core reads: its name in canonical (kebab-case) form, its default as a config file
 * would spell it, and the parser of its text. The typed default is parsed from that text, so the default a user
 * reads in the docs and the one the core applies cannot drift apart.
 */
public final class ConfigKey<T> {

    private final String name;

    private final String defaultText;

    private final ValueParser<T> parser;

    private final T defaultValue;

    /** @param defaultText the default as text, or null when the key has none */
    public ConfigKey(String name, String defaultText, ValueParser<T> parser) {
        this.name = name;
        this.defaultText = defaultText;
        this.parser = parser;
        this.defaultValue = (defaultText != null) ? parser.parse(name, defaultText) : null;
    }

    public String name() {
        return name;
    }

    /** The default as a config file spells it, or null without a default. */
    public String defaultText() {
        return defaultText;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public ValueParser<T> parser() {
        return parser;
    }

    /**
     * The value that {@code lookup} gives this key, or the default when it gives none.
     *
     * @throws InvalidConfigValueException if the text does not fit the parser
     */
    public T read(Function<String, String> lookup) {
        String text = lookup.apply(name);
        return (text != null) ? parser.parse(name, text) : defaultValue;
    }

    @Override
    public String toString() {
        return name;
    }

}
