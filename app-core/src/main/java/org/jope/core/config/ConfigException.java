package org.jope.core.config;

/** A config file that cannot be read as Jope's settings: missing, not YAML, or giving a key twice. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

}
