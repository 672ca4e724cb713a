package org.jope.autoconfigure.safety;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains why the start was refused and gives the three ways out. */
class ThreadsExceedPoolFailureAnalyzer extends AbstractFailureAnalyzer<ThreadsExceedPoolException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ThreadsExceedPoolException cause) {
        String description = "The container runs " + cause.threads() + " request threads (jope.server.threads, or "
                + "Boot's own server.*.threads property), but the store's pool (jope.store.pool-size) has only "
                + cause.poolSize() + " connections. Each worker may hold a store connection, so with this many "
                + "workers requests queue for connections, and under load they wait out jope.store.pool-timeout "
                + "and are answered 503.";
        String action = "Set jope.server.threads to at most " + (cause.poolSize() - 1) + ", or raise "
                + "jope.store.pool-size above " + cause.threads() + ", or, if you accept the waits, set "
                + "jope.safety.threads-vs-pool: warn.";
        return new FailureAnalysis(description, action, cause);
    }

}
