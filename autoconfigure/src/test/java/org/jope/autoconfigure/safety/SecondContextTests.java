package org.jope.autoconfigure.safety;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.core.store.StoreLockedException;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A second application in the same JVM on the same embedded store is refused, and the first keeps serving. */
class SecondContextTests {

    @Test
    void secondContextOnTheSameStoreIsRefused() throws Exception {
        String store = "jope.store.url=jdbc:h2:file:"
                + Path.of("target/stores", UUID.randomUUID().toString(), "jope").toAbsolutePath();
        try (ConfigurableApplicationContext first = Sites.start("tomcat", new Class<?>[0], store)) {
            Throwable failure = catchThrowable(() -> Sites.start("jetty", new Class<?>[0], store));
            assertThat(failure).hasRootCauseInstanceOf(StoreLockedException.class);
            FailureAnalysis analysis = new StoreLockedFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).contains("lock file").contains("jope.lock")
                    .contains(Long.toString(ProcessHandle.current().pid()));
            assertThat(analysis.getAction()).contains("jdbc:postgresql://");
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(Sites.url(first) + "/welcome")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

}
