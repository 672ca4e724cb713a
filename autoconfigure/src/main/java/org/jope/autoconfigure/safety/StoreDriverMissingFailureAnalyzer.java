package org.jope.autoconfigure.safety;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.jope.core.store.StoreDriverMissingException;

/** Names the driver dependency that the shared store needs and the application lacks. */
class StoreDriverMissingFailureAnalyzer extends AbstractFailureAnalyzer<StoreDriverMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreDriverMissingException cause) {
        String description = "jope.store.url is " + cause.url() + ", but no JDBC driver for it is on the classpath.";
        String action = "Add the dependency " + cause.dependency() + " to your application (the Jope starter leaves "
                + "the shared store's driver to you), or set jope.store.url to the embedded store, "
                + "jdbc:h2:file:./var/data/jope.";
        return new FailureAnalysis(description, action, cause);
    }

}
