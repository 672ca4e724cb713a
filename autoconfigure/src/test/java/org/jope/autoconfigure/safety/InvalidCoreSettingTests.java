package org.jope.autoconfigure.safety;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.jope.autoconfigure.JopeAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A core setting that Boot binds but the core refuses, and a managers' file that cannot be read: each stops the
 * start with a Description and an Action that name what to fix, instead of a bare stack trace.
 */
class InvalidCoreSettingTests {

    private final Path directory = Path.of("target/core-settings", UUID.randomUUID().toString()).toAbsolutePath();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JopeAutoConfiguration.class))
            .withPropertyValues("jope.store.url=jdbc:h2:file:" + directory.resolve("jope"));

    @Test
    void aNegativeDurationNamesTheKeyAndWhatItTakes() {
        runner.withPropertyValues("jope.store.pool-timeout=-5s", "jope.security.inituser=" + directory.resolve("u"))
                .run((context) -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidConfigValueFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).isEqualTo("The property jope.store.pool-timeout is set to "
                            + "'-5s', which Jope cannot use: it must be a duration of zero or more, such as 500ms, 5s "
                            + "or PT5S (a bare number is milliseconds).");
                    assertThat(analysis.getAction())
                            .startsWith("Set jope.store.pool-timeout to a duration of zero or more");
                });
    }

    @Test
    void anUnknownInvalidationModeNamesTheKeyAndBothModes() {
        runner.withPropertyValues("jope.store.invalidation=pushed", "jope.security.inituser=" + directory.resolve("u"))
                .run((context) -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidConfigValueFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).isEqualTo("The property jope.store.invalidation is set to "
                            + "'pushed', which Jope cannot use: it must be push or poll.");
                });
    }

    @Test
    void aRetentionBelowASecondNamesTheKeyAndTheLeast() {
        runner.withPropertyValues("jope.store.transaction-log.retention=10ms",
                "jope.security.inituser=" + directory.resolve("u")).run((context) -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidConfigValueFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).startsWith("The property "
                            + "jope.store.transaction-log.retention is set to '10ms', which Jope cannot use: it must "
                            + "be a duration of at least 1s");
                    assertThat(analysis.getAction()).startsWith("Set jope.store.transaction-log.retention to a "
                            + "duration of at least 1s");
                });
    }

    @Test
    void aLoginThrottleWindowOfZeroNamesTheKeyAndWhatItTakes() {
        runner.withPropertyValues("jope.security.login-throttle.window=0s",
                "jope.security.inituser=" + directory.resolve("u")).run((context) -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidConfigValueFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).isEqualTo("The property "
                            + "jope.security.login-throttle.window is set to '0s', which Jope cannot use: it must be a "
                            + "duration of more than zero and at most 1d, such as 30s, 5m or PT5M (a bare number is "
                            + "milliseconds).");
                    assertThat(analysis.getAction()).startsWith(
                            "Set jope.security.login-throttle.window to a duration of more than zero");
                });
    }

    @Test
    void aDirectoryWhereTheManagersFileShouldBeIsNamed() throws Exception {
        Path inituser = Files.createDirectories(directory.resolve("inituser"));
        runner.withPropertyValues("jope.security.inituser=" + inituser).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InitUserFileFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo("The managers' file " + inituser
                    + " is a directory; it must be a file, one name:{bcrypt}hash a line.");
            assertThat(analysis.getAction()).contains("jope.security.inituser", inituser.toString(),
                    "bin/jopectl adduser NAME");
        });
    }

}
