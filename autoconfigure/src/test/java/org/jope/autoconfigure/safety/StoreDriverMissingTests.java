package org.jope.autoconfigure.safety;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import org.jope.core.store.StoreDriverMissingException;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** This module's tests have no PostgreSQL driver, as an application that forgot to add it. */
class StoreDriverMissingTests {

    @Test
    void sharedStoreWithoutItsDriverFailsAndNamesTheDependency() {
        Throwable failure = catchThrowable(() -> Sites.start("tomcat", new Class<?>[0],
                "jope.store.url=jdbc:postgresql://127.0.0.1:5432/jope"));
        assertThat(failure).hasRootCauseInstanceOf(java.sql.SQLException.class);
        FailureAnalysis analysis = new StoreDriverMissingFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("jope.store.url").contains("jdbc:postgresql://127.0.0.1:5432/jope");
        assertThat(analysis.getAction()).contains("org.postgresql:postgresql");
        assertThat(findCause(failure)).isInstanceOf(StoreDriverMissingException.class);
    }

    private static Throwable findCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreDriverMissingException) {
                return cause;
            }
        }
        return null;
    }

}
