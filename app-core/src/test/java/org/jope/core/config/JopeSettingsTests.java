package org.jope.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The one reader of the core's keys: defaults, Spring Boot's value formats, and errors that say what to write. */
class JopeSettingsTests {

    @Test
    void nothingSetGivesTheDefaultsOfTheTable() {
        JopeConfig config = JopeSettings.read((key) -> null);

        assertThat(config).isEqualTo(JopeConfig.builder().build());
        assertThat(config.storeUrl()).isEqualTo("jdbc:h2:file:./var/data/jope");
        assertThat(config.poolSize()).isEqualTo(7);
        assertThat(config.poolTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.cacheSize()).isEqualTo(5000);
        assertThat(config.maxConflictRetries()).isEqualTo(3);
        assertThat(config.conflictBackoff()).isEqualTo(Duration.ofMillis(10));
        assertThat(config.invalidation()).isEqualTo(InvalidationMode.PUSH);
        assertThat(config.transactionLogRetention()).isEqualTo(Duration.ofHours(1));
        assertThat(config.debugExceptions()).isFalse();
        assertThat(config.initUser()).isEqualTo(Path.of("./inituser"));
        assertThat(config.maxRequestBodySize()).isEqualTo(1L << 30);
        assertThat(config.storeUsername()).isNull();
        assertThat(config.storePassword()).isNull();
        assertThat(config.loginThrottleWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.loginFailuresPerAddress()).isEqualTo(10);
        assertThat(config.loginFailuresPerUser()).isEqualTo(50);
        assertThat(config.requestBodyMemory()).as("a share of the heap, derived when the site starts").isNull();
    }

    @Test
    void everyKeyIsRead() {
        Map<String, String> values = Map.ofEntries(Map.entry("jope.store.url", "jdbc:h2:mem:x"),
                Map.entry("jope.store.username", "sa"), Map.entry("jope.store.password", "pw"),
                Map.entry("jope.store.pool-size", "9"), Map.entry("jope.store.pool-timeout", "2s"),
                Map.entry("jope.store.cache-size", "12"), Map.entry("jope.store.max-conflict-retries", "0"),
                Map.entry("jope.store.conflict-backoff", "PT0.5S"), Map.entry("jope.store.invalidation", "POLL"),
                Map.entry("jope.store.transaction-log.retention", "30m"),
                Map.entry("jope.debug-exceptions", "on"), Map.entry("jope.security.inituser", "/srv/users"),
                Map.entry("jope.server.max-request-body-size", "512MB"),
                Map.entry("jope.security.login-throttle.window", "30s"),
                Map.entry("jope.security.login-throttle.failures-per-address", "3"),
                Map.entry("jope.security.login-throttle.failures-per-user", "20"),
                Map.entry("jope.server.request-body-memory", "64MB"),
                Map.entry("jope.server.body-timeout", "7s"));

        JopeConfig config = JopeSettings.read(values::get);

        assertThat(config).isEqualTo(new JopeConfig("jdbc:h2:mem:x", "sa", "pw", 9, Duration.ofSeconds(2), 12, 0,
                Duration.ofMillis(500), true, Path.of("/srv/users"), 512L << 20, InvalidationMode.POLL,
                Duration.ofMinutes(30), Duration.ofSeconds(30), 3, 20, 64L << 20, Duration.ofSeconds(7)));
        assertThat(JopeSettings.ALL).extracting(ConfigKey::name).containsExactlyInAnyOrderElementsOf(values.keySet());
    }

    @ParameterizedTest
    @CsvSource({ "500ms, PT0.5S", "5s, PT5S", "5S, PT5S", "2m, PT2M", "1h, PT1H", "1d, PT24H", "PT5S, PT5S",
            "pt1m, PT1M", "250, PT0.25S", "0, PT0S", "' 3s ', PT3S", "1500us, PT0.0015S" })
    void durationsInSpringBootsFormats(String text, Duration expected) {
        assertThat(ValueParsers.duration().parse("k", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "1GB, 1073741824", "512MB, 536870912", "64KB, 65536", "10B, 10", "4096, 4096", "1TB, 1099511627776" })
    void sizesInSpringsFormat(String text, long bytes) {
        assertThat(ValueParsers.dataSize().parse("k", text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource({ "true, true", "TRUE, true", "yes, true", "on, true", "1, true", "false, false", "no, false",
            "off, false", "0, false" })
    void booleansAsSpringConvertsThem(String text, boolean expected) {
        assertThat(ValueParsers.flag().parse("k", text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jope.store.pool-size | seven | a whole number of at least 1",
            "jope.store.pool-size | 0 | a whole number of at least 1",
            "jope.store.cache-size | -1 | a whole number of at least 0",
            "jope.store.max-conflict-retries | 2.5 | a whole number of at least 0",
            "jope.store.pool-timeout | 5 s | a duration of zero or more",
            "jope.store.pool-timeout | -5s | a duration of zero or more",
            "jope.store.invalidation | pushed | push or poll",
            "jope.store.invalidation | '' | push or poll",
            "jope.store.transaction-log.retention | 500ms | a duration of at least 1s",
            "jope.store.transaction-log.retention | 5 fortnights | a duration of at least 1s",
            "jope.store.conflict-backoff | PTfive | a duration of zero or more",
            "jope.server.max-request-body-size | 1gb | a size of zero or more",
            "jope.server.max-request-body-size | 99999999999TB | a size of zero or more",
            "jope.server.request-body-memory | 0 | a size of at least 1B",
            "jope.server.request-body-memory | -5MB | a size of at least 1B",
            "jope.server.request-body-memory | lots | a size of at least 1B",
            "jope.debug-exceptions | maybe | true or false",
            "jope.security.inituser | '' | a file path",
            "jope.security.login-throttle.window | 0s | a duration of more than zero and at most 1d",
            "jope.security.login-throttle.window | -1m | a duration of more than zero and at most 1d",
            "jope.security.login-throttle.window | 2d | a duration of more than zero and at most 1d",
            "jope.security.login-throttle.window | soon | a duration of more than zero and at most 1d",
            "jope.security.login-throttle.failures-per-address | 0 | a whole number of at least 1",
            "jope.security.login-throttle.failures-per-user | many | a whole number of at least 1" })
    void aBadValueNamesTheKeyTheValueAndWhatItTakes(String key, String value, String expected) {
        assertThatExceptionOfType(InvalidConfigValueException.class)
                .isThrownBy(() -> JopeSettings.read(Map.of(key, value)::get))
                .satisfies((ex) -> {
                    assertThat(ex.key()).isEqualTo(key);
                    assertThat(ex.value()).isEqualTo(value);
                    assertThat(ex.getMessage()).startsWith(key + " is '" + value + "', but it must be " + expected);
                });
    }

    @Test
    void theRetiredPollIntervalIsNamedWithWhatToSetInstead() {
        Map<String, String> old = Map.of("jope.store.poll-interval", "0s");

        assertThat(JopeSettings.read(old::get)).isEqualTo(JopeConfig.builder().build());
        assertThat(JopeSettings.retiredKeysSet(old::get)).singleElement().asString()
                .startsWith("jope.store.poll-interval is no longer read").contains("jope.store.invalidation: push",
                        "poll");
        assertThat(JopeSettings.retiredKeysSet((key) -> null)).isEmpty();
    }

    @Test
    void theOriginOfABadValueComesFirst() {
        InvalidConfigValueException ex = new InvalidConfigValueException("jope.store.pool-size", "x", "a number")
                .in("/srv/site/config/application.yml");

        assertThat(ex).hasMessage(
                "/srv/site/config/application.yml: jope.store.pool-size is 'x', but it must be a number");
    }

}
