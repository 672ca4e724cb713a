package org.jope.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import org.jope.core.JopeApplication;
import org.jope.core.config.JopeConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter builds the core's config through the core's own reader, fed by Spring's Environment, so that Boot's
 * relaxed names and environment variables reach it.
 */
class CoreSettingsBindingTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JopeAutoConfiguration.class))
            .withPropertyValues("jope.store.url=jdbc:h2:file:"
                    + Path.of("target/stores", UUID.randomUUID().toString(), "jope").toAbsolutePath(),
                    "jope.security.inituser=target/core-settings/no-inituser");

    @Test
    void relaxedNamesAndEnvironmentVariablesReachTheCore() {
        runner.withPropertyValues("jope.store.poolSize=9", "jope.store.pool_timeout=2s", "jope.debugExceptions=true")
                .withInitializer((context) -> context.getEnvironment().getPropertySources()
                        .addLast(new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("JOPE_STORE_CACHESIZE", "11", "JOPE_SERVER_MAXREQUESTBODYSIZE", "2MB"))))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    JopeConfig config = context.getBean(JopeApplication.class).config();
                    assertThat(config.poolSize()).isEqualTo(9);
                    assertThat(config.poolTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(config.debugExceptions()).isTrue();
                    assertThat(config.cacheSize()).isEqualTo(11);
                    assertThat(config.maxRequestBodySize()).isEqualTo(2L << 20);
                    assertThat(config.maxConflictRetries()).isEqualTo(3);
                    JopeProperties properties = context.getBean(JopeProperties.class);
                    assertThat(properties.getStore().getPoolSize()).isEqualTo(config.poolSize());
                    assertThat(properties.getStore().getCacheSize()).isEqualTo(config.cacheSize());
                });
    }

}
