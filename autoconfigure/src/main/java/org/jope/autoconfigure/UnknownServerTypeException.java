package org.jope.autoconfigure;

/** {@code jope.server.type} names no container that Jope knows. */
public class UnknownServerTypeException extends RuntimeException {

    private final String value;

    public UnknownServerTypeException(String value) {
        super(ServerType.PROPERTY + " is '" + value + "', which is not one of " + ServerType.propertyValues());
        this.value = value;
    }

    public String value() {
        return value;
    }

}
