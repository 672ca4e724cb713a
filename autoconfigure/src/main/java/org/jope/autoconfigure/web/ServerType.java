package org.jope.autoconfigure.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/** The servlet containers that {@code jope.server.type} can pick, and how to tell that each is on the classpath. */
public enum ServerType {

    TOMCAT("Tomcat", "org.apache.catalina.startup.Tomcat", "spring-boot-starter-tomcat"),

    JETTY("Jetty", "org.eclipse.jetty.ee10.webapp.WebAppContext", "spring-boot-starter-jetty"),

    UNDERTOW("Undertow", "io.undertow.Undertow", "spring-boot-starter-undertow");

    public static final String PROPERTY = "jope.server.type";

    private final String displayName;

    private final String markerClass;

    private final String starter;

    ServerType(String displayName, String markerClass, String starter) {
        this.displayName = displayName;
        this.markerClass = markerClass;
        this.starter = starter;
    }

    /** The type that the environment selects; tomcat when the property is not set. */
    public static ServerType selectedIn(Environment environment) {
        String value = environment.getProperty(PROPERTY, "tomcat").strip();
        for (ServerType type : values()) {
            if (type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new UnknownServerTypeException(value);
    }

    public boolean isAvailable(ClassLoader classLoader) {
        return ClassUtils.isPresent(markerClass, classLoader);
    }

    public static List<String> propertyValues() {
        return Arrays.stream(values()).map(ServerType::propertyValue).toList();
    }

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String displayName() {
        return displayName;
    }

    /** The Maven dependency that brings this container, as group:artifact. */
    public String dependency() {
        return "org.springframework.boot:" + starter;
    }

}
