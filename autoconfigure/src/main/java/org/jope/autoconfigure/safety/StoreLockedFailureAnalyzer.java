package org.jope.autoconfigure.safety;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.jope.core.store.StoreLockedException;

/** Explains a second process on an embedded store, naming the lock file and its holder. */
class StoreLockedFailureAnalyzer extends AbstractFailureAnalyzer<StoreLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreLockedException cause) {
        String description = "The embedded store is already open in process " + cause.holderPid()
                + " (lock file " + cause.lockFile() + "). An embedded store serves one process only: two processes "
                + "writing the same files would corrupt it.";
        String action = "Stop process " + cause.holderPid() + ", or give this instance its own jope.store.url, or, "
                + "to run several instances on one store, use the shared store: jope.store.url: "
                + "jdbc:postgresql://HOST/DATABASE.";
        return new FailureAnalysis(description, action, cause);
    }

}
