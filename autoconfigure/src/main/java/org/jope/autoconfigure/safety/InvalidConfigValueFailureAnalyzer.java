package org.jope.autoconfigure.safety;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.jope.core.config.InvalidConfigValueException;

/**
 * Explains a core setting that Boot bound but the core refuses, such as a negative duration: the key, the value and
 * what the key takes.
 */
class InvalidConfigValueFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigValueException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigValueException cause) {
        String description = "The property " + cause.key() + " is set to '" + cause.value() + "', which Jope cannot "
                + "use: it must be " + cause.expected() + ".";
        String action = "Set " + cause.key() + " to " + cause.expected() + ", or remove it to keep the default.";
        return new FailureAnalysis(description, action, cause);
    }

}
