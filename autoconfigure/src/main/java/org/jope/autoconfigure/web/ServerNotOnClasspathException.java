package org.jope.autoconfigure.web;

import org.jope.autoconfigure.ServerType;

/** {@code jope.server.type} picks a container whose classes are missing. */
public class ServerNotOnClasspathException extends RuntimeException {

    private final ServerType type;

    public ServerNotOnClasspathException(ServerType type) {
        super(ServerType.PROPERTY + " is '" + type.propertyValue() + "', but " + type.displayName()
                + " is not on the classpath");
        this.type = type;
    }

    public ServerType type() {
        return type;
    }

}
