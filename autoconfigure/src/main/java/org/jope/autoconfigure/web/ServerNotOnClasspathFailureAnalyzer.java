package org.jope.autoconfigure.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.jope.autoconfigure.ServerType;

/** Explains a {@code jope.server.type} whose container is missing, and names the dependency that brings it. */
class ServerNotOnClasspathFailureAnalyzer extends AbstractFailureAnalyzer<ServerNotOnClasspathException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ServerNotOnClasspathException cause) {
        ServerType type = cause.type();
        ClassLoader classLoader = getClass().getClassLoader();
        String available = Arrays.stream(ServerType.values())
                .filter((candidate) -> candidate.isAvailable(classLoader))
                .map(ServerType::propertyValue)
                .collect(Collectors.joining(", "));
        String description = "The property " + ServerType.PROPERTY + " is set to '" + type.propertyValue() + "', but "
                + type.displayName() + " is not on the classpath.";
        String action = "Add the dependency " + type.dependency() + " (jope-spring-boot-starter brings it), or set "
                + ServerType.PROPERTY + " to a container that is on the classpath"
                + (available.isEmpty() ? "." : ": " + available + ".");
        return new FailureAnalysis(description, action, cause);
    }

}
