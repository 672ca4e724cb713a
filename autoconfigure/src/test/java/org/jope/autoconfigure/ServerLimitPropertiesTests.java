package org.jope.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server limit set to a value the containers cannot use stops the start with the property, what it takes and the
 * fix, rather than a container that silently treats 0 as "no limit".
 */
class ServerLimitPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Bound.class);

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            jope.server.channel-timeout  | 0s  | jope.server.channel-timeout must be a duration of at least 1ms, such as 120s; set it so, or remove it to keep the default of 120s
            jope.server.channel-timeout  | -5s | jope.server.channel-timeout must be a duration of at least 1ms, such as 120s
            jope.server.body-timeout     | 0ms | jope.server.body-timeout must be a duration of at least 1ms, such as 20s; set it so, or remove it to keep the default of 20s
            jope.server.queue-timeout    | 0s  | jope.server.queue-timeout must be a duration of at least 1ms, such as 10s; set it so, or remove it to keep the default of 10s
            jope.server.connection-limit | 0   | jope.server.connection-limit must be at least 1, such as 1000; set it to a whole number of connections, or remove it to keep the default of 1000
            jope.server.connection-limit | -1  | jope.server.connection-limit must be at least 1
            jope.server.backlog          | 0   | jope.server.backlog must be at least 1, such as 1024; set it to a whole number of connections, or remove it to keep the default of 1024
            """)
    void aBadValueNamesThePropertyAndTheFix(String key, String value, String message) {
        runner.withPropertyValues(key + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            Throwable root = context.getStartupFailure();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(IllegalArgumentException.class);
            assertThat(root.getMessage()).startsWith(message);
        });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            jope.server.channel-timeout  | 1ms
            jope.server.connection-limit | 1
            jope.server.backlog          | 1
            jope.server.body-timeout     | 1ms
            """)
    void theSmallestUsableValueIsTaken(String key, String value) {
        runner.withPropertyValues(key + "=" + value).run((context) -> assertThat(context).hasNotFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(JopeProperties.class)
    static class Bound {

    }

}
