package org.jope.autoconfigure;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Takes Spring Boot's error page out of the site's way, since the publisher owns the whole URL space: an object may
 * be named {@code error} like any other. Unless the application sets {@code server.error.path} itself (or Boot's
 * older {@code error.path}), Boot's error controller and the container's error pages move to {@value #ERROR_PATH}, a
 * path that no object can have: Zope marks namespaces with {@code ++}, and no name may start with it. The
 * application's own controllers keep Boot's error handling, which forwards to wherever that path is.
 *
 * <p>The default is added last, below every other property source, so a value from anywhere else wins. It does not
 * depend on how the publisher is mounted.
 */
public class ErrorPathEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Where Boot's error handling answers unless the application says otherwise. */
    public static final String ERROR_PATH = "/++error++";

    static final String PROPERTY = "server.error.path";

    /** The name Boot reads when server.error.path is unset. */
    static final String LEGACY_PROPERTY = "error.path";

    static final String SOURCE_NAME = "jopeErrorPath";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY) || environment.containsProperty(LEGACY_PROPERTY)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(PROPERTY, ERROR_PATH)));
    }

    /** After the application's own configuration files have been read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
