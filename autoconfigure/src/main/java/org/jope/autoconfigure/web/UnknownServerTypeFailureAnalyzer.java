package org.jope.autoconfigure.web;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.jope.autoconfigure.ServerType;
import org.jope.autoconfigure.UnknownServerTypeException;

/** Explains an unknown {@code jope.server.type} and lists the values that work. */
class UnknownServerTypeFailureAnalyzer extends AbstractFailureAnalyzer<UnknownServerTypeException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownServerTypeException cause) {
        String description = "The property " + ServerType.PROPERTY + " is set to '" + cause.value()
                + "', which is not a servlet container that Jope knows.";
        String action = "Set " + ServerType.PROPERTY + " to one of: " + String.join(", ", ServerType.propertyValues())
                + " (the default is tomcat).";
        return new FailureAnalysis(description, action, cause);
    }

}
