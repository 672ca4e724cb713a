package org.jope.core.config;

/**
 * A {@code jope.*} key whose value cannot be read: it names the key, the value and what was expected, so that the
 * person who wrote it can fix it without reading code.
 */
public class InvalidConfigValueException extends ConfigException {

    private final String key;

    private final String value;

    private final String expected;

    public InvalidConfigValueException(String key, String value, String expected) {
        this(key, value, expected, null);
    }

    private InvalidConfigValueException(String key, String value, String expected, String origin) {
        super(((origin != null) ? origin + ": " : "") + key + " is '" + value + "', but it must be " + expected);
        this.key = key;
        this.value = value;
        this.expected = expected;
    }

    /** The same failure, with the file or source it came from named first. */
    public InvalidConfigValueException in(String origin) {
        return new InvalidConfigValueException(key, value, expected, origin);
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    /** What the key takes, such as "a whole number of at least 1". */
    public String expected() {
        return expected;
    }

}
