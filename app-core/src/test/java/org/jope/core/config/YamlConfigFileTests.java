package org.jope.core.config;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** An application.yml flattened as Spring Boot flattens it, so that the core reads what the starter reads. */
class YamlConfigFileTests {

    @TempDir
    Path directory;

    @Test
    void nestedAndDottedKeysAlike() {
        YamlConfigFile file = YamlConfigFile.parse("""
                jope:
                  store:
                    url: jdbc:h2:mem:a
                  server.max-request-body-size: 2MB
                jope.debug-exceptions: true
                """, "test.yml");

        assertThat(file.apply("jope.store.url")).isEqualTo("jdbc:h2:mem:a");
        assertThat(file.apply("jope.server.max-request-body-size")).isEqualTo("2MB");
        assertThat(file.apply("jope.debug-exceptions")).isEqualTo("true");
        assertThat(file.apply("jope.store.pool-size")).isNull();
    }

    @Test
    void relaxedNamesAsSpringBootTakesThem() {
        YamlConfigFile file = YamlConfigFile.parse("""
                jope:
                  store:
                    poolSize: 5
                    cache_size: 10
                    MAX-CONFLICT-RETRIES: 1
                  debugExceptions: yes
                """, "test.yml");

        assertThat(file.apply("jope.store.pool-size")).isEqualTo("5");
        assertThat(file.apply("jope.store.cache-size")).isEqualTo("10");
        assertThat(file.apply("jope.store.max-conflict-retries")).isEqualTo("1");
        assertThat(file.apply("jope.debug-exceptions")).isEqualTo("true");
    }

    @Test
    void twoSpellingsOfOneKeyWithDifferentValuesAreRefused() {
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> YamlConfigFile.parse("""
                jope:
                  store:
                    pool-size: 5
                    poolSize: 6
                """, "test.yml")).withMessageContaining("test.yml sets one key twice")
                .withMessageContaining("jope.store.pool-size ('5')").withMessageContaining("jope.store.poolSize ('6')");
    }

    @Test
    void aKeyGivenTwiceIsRefusedAsSpringBootRefusesIt() {
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> YamlConfigFile.parse("""
                jope:
                  debug-exceptions: true
                  debug-exceptions: false
                """, "test.yml")).withMessageStartingWith("test.yml is not valid YAML");
    }

    @Test
    void laterDocumentsOverrideAndProfileDocumentsAreSkipped() {
        YamlConfigFile file = YamlConfigFile.parse("""
                jope.store.pool-size: 5
                jope.store.cache-size: 1
                ---
                jope.store.poolSize: 6
                ---
                spring.config.activate.on-profile: prod
                jope.store.pool-size: 99
                """, "test.yml");

        assertThat(file.apply("jope.store.pool-size")).isEqualTo("6");
        assertThat(file.apply("jope.store.cache-size")).isEqualTo("1");
    }

    @Test
    void anEmptyValueIsTheEmptyTextAndATimestampStaysText() {
        YamlConfigFile file = YamlConfigFile.parse("""
                jope:
                  store:
                    username:
                    password: 2024-01-31
                """, "test.yml");

        assertThat(file.apply("jope.store.username")).isEmpty();
        assertThat(file.apply("jope.store.password")).isEqualTo("2024-01-31");
    }

    @Test
    void anEmptyFileSetsNothing() {
        assertThat(YamlConfigFile.parse("# nothing but a comment\n", "test.yml").apply("jope.store.url")).isNull();
    }

    @Test
    void aFileThatIsNotAMapOfSettingsIsRefused() {
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> YamlConfigFile.parse("- a\n- b\n", "x.yml"))
                .withMessage("x.yml is not a map of settings (key: value)");
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> YamlConfigFile.parse("jope: [", "x.yml"))
                .withMessageStartingWith("x.yml is not valid YAML");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = directory.resolve("config/application.yml");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> YamlConfigFile.load(missing))
                .withMessage("The config file " + missing + " does not exist");
    }

    @Test
    void aFileIsReadAndNamedByItsPath() throws Exception {
        Path file = Files.writeString(directory.resolve("application.yml"), "jope.store.url: jdbc:h2:mem:f\n");

        YamlConfigFile config = YamlConfigFile.load(file);

        assertThat(config.apply("jope.store.url")).isEqualTo("jdbc:h2:mem:f");
        assertThat(config.origin()).isEqualTo(file.toString());
    }

}
