package org.jope.autoconfigure.safety;

import org.assertj.core.util.Throwables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Threads at or above the pool size refuse the start, on every container, whichever property set them. */
@ExtendWith(OutputCaptureExtension.class)
class ThreadsVsPoolTests {

    private static final Class<?>[] NONE = {};

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void threadsEqualToThePoolFailTheStart(String type) {
        Throwable thrown = catchThrowable(() -> Sites.start(type, NONE, "jope.server.threads=7",
                "jope.store.pool-size=7"));
        assertThat(rootCause(thrown).threads()).isEqualTo(7);
        FailureAnalysis analysis = new ThreadsExceedPoolFailureAnalyzer().analyze(thrown);
        assertThat(analysis.getDescription()).contains("7 request threads").contains("jope.store.pool-size")
                .contains("only 7 connections");
        assertThat(analysis.getAction()).contains("jope.server.threads to at most 6")
                .contains("jope.store.pool-size above 7").contains("jope.safety.threads-vs-pool: warn");
    }

    /** Boot's own per-container property wins over jope.server.threads, and the check sees what it set. */
    @ParameterizedTest
    @CsvSource({ "tomcat, server.tomcat.threads.max=9, 9", "jetty, server.jetty.threads.max=12, 10",
            "undertow, server.undertow.threads.worker=9, 9" })
    void bootsOwnThreadPropertyCounts(String type, String bootProperty, int effective) {
        ThreadsExceedPoolException failure = rootCause(
                catchThrowable(() -> Sites.start(type, NONE, "jope.server.threads=4", bootProperty)));
        assertThat(failure.threads()).isEqualTo(effective);
        assertThat(failure.poolSize()).isEqualTo(7);
    }

    /** The check runs as the server starts, so Spring wraps the exception; Boot's analyzers look through that. */
    private static ThreadsExceedPoolException rootCause(Throwable thrown) {
        assertThat(thrown).hasRootCauseInstanceOf(ThreadsExceedPoolException.class);
        return (ThreadsExceedPoolException) Throwables.getRootCause(thrown);
    }

    @Test
    void warnStartsAndSaysWhy(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Sites.start("tomcat", NONE, "jope.server.threads=8",
                "jope.safety.threads-vs-pool=warn")) {
            assertThat(context.isRunning()).isTrue();
            assertThat(output).contains("WARN").contains("runs 8 request threads but the store pool has only 7");
        }
    }

    @Test
    void offStartsSilently(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Sites.start("jetty", NONE, "jope.server.threads=8",
                "jope.safety.threads-vs-pool=off")) {
            assertThat(context.isRunning()).isTrue();
            assertThat(output).doesNotContain("request threads but the store pool");
        }
    }

    @Test
    void threadsBelowThePoolStartSilently(CapturedOutput output) {
        try (ConfigurableApplicationContext context = Sites.start("undertow", NONE, "jope.server.threads=6")) {
            assertThat(context.isRunning()).isTrue();
            assertThat(output).doesNotContain("request threads but the store pool");
        }
    }

    @Test
    void unknownModeIsABindingError() {
        assertThatThrownBy(() -> Sites.start("tomcat", NONE, "jope.safety.threads-vs-pool=maybe"))
                .hasStackTraceContaining("jope.safety.threads-vs-pool");
    }

}
