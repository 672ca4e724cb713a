package org.jope.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration in spring.factories is covered by the HttpContract tests, which start a real application. */
class ErrorPathEnvironmentPostProcessorTests {

    private final ErrorPathEnvironmentPostProcessor processor = new ErrorPathEnvironmentPostProcessor();

    @Test
    void bootsErrorPathMovesOutOfTheSitesWayByDefault() {
        StandardEnvironment environment = new StandardEnvironment();
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.error.path")).isEqualTo("/++error++");
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow()
                .getName()).as("below every other source").isEqualTo(ErrorPathEnvironmentPostProcessor.SOURCE_NAME);
    }

    @Test
    void theApplicationsOwnErrorPathWins() {
        StandardEnvironment environment = withProperty("server.error.path", "/oops");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.error.path")).isEqualTo("/oops");
        assertThat(environment.getPropertySources().contains(ErrorPathEnvironmentPostProcessor.SOURCE_NAME)).isFalse();
    }

    @Test
    void bootsOlderErrorPathWinsToo() {
        StandardEnvironment environment = withProperty("error.path", "/legacy");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.error.path")).isNull();
    }

    private static StandardEnvironment withProperty(String name, String value) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of(name, value)));
        return environment;
    }

}
