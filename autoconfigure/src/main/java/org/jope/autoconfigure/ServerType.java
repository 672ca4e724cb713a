package org.jope.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.web.server.WebServer;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/** The servlet containers that {@code jope.server.type} can pick, and how to tell that each is on the classpath. */
public enum ServerType {

    TOMCAT("Tomcat", "org.apache.catalina.startup.Tomcat", "spring-boot-starter-tomcat",
            "org.springframework.boot.web.embedded.tomcat.TomcatWebServer"),

    JETTY("Jetty", "org.eclipse.jetty.ee10.webapp.WebAppContext", "spring-boot-starter-jetty",
            "org.springframework.boot.web.embedded.jetty.JettyWebServer"),

    UNDERTOW("Undertow", "io.undertow.Undertow", "spring-boot-starter-undertow",
            "org.springframework.boot.web.embedded.undertow.UndertowWebServer");

    public static final String PROPERTY = "jope.server.type";

    private final String displayName;

    private final String markerClass;

    private final String starter;

    private final String webServerClass;

    ServerType(String displayName, String markerClass, String starter, String webServerClass) {
        this.displayName = displayName;
        this.markerClass = markerClass;
        this.starter = starter;
        this.webServerClass = webServerClass;
    }

    /**
     * The type of a running server, told by Boot's web server class. The class is looked up by name, so that an
     * absent container's classes are never touched.
     */
    public static ServerType of(WebServer server) {
        ClassLoader classLoader = server.getClass().getClassLoader();
        for (ServerType type : values()) {
            if (ClassUtils.isPresent(type.webServerClass, classLoader)
                    && ClassUtils.resolveClassName(type.webServerClass, classLoader).isInstance(server)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Jope does not know the web server " + server.getClass().getName());
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
