package org.jope.autoconfigure.observability;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import org.jope.autoconfigure.JopeAutoConfiguration;
import org.jope.autoconfigure.safety.JopeSafetyAutoConfiguration;
import org.jope.autoconfigure.web.JopeWebServerAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without Actuator on the classpath the meters, the jope endpoint and the health indicator step aside, and the site
 * starts as before; the watchdog and the status page need no Actuator and stay.
 */
class WithoutActuatorTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JopeAutoConfiguration.class, JopeWebServerAutoConfiguration.class,
                    JopeSafetyAutoConfiguration.class,
                    JopeObservabilityAutoConfiguration.class, JopeMetricsAutoConfiguration.class,
                    JopeActuatorAutoConfiguration.class))
            .withPropertyValues("jope.store.url=jdbc:h2:file:"
                    + Path.of("target/stores", UUID.randomUUID().toString(), "jope").toAbsolutePath(),
                    "jope.security.inituser=target/observability/no-inituser",
                    "management.endpoints.web.exposure.include=jope");

    @Test
    void withoutActuatorOnlyTheWatchdogAndTheStatusPageRemain() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate")).run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(JopeEndpoint.class);
            assertThat(context).doesNotHaveBean(StoreHealthIndicator.class);
            assertThat(context).doesNotHaveBean(ServerTagMeterFilter.class);
            assertThat(context).doesNotHaveBean(PublisherMetrics.class);
            assertThat(context).doesNotHaveBean(WorkerMetrics.class);
            assertThat(context).doesNotHaveBean(ObjectCacheMetrics.class);
            assertThat(context).doesNotHaveBean(StorePoolMetrics.class);
            assertThat(context).doesNotHaveBean(StallMetrics.class);
            assertThat(context).doesNotHaveBean(ExceptionViewMetrics.class);
            assertThat(context).hasSingleBean(StallWatchdog.class);
            assertThat(context).hasSingleBean(JopeStatusReader.class);
        });
    }

    @Test
    void withActuatorTheMetersTheEndpointAndTheHealthIndicatorAreThere() {
        runner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
                HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class)).run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(JopeEndpoint.class);
                    assertThat(context).hasSingleBean(StoreHealthIndicator.class);
                    assertThat(context).hasSingleBean(ServerTagMeterFilter.class);
                    assertThat(context).hasSingleBean(PublisherMetrics.class);
                    assertThat(context).hasSingleBean(WorkerMetrics.class);
                    assertThat(context).hasSingleBean(ObjectCacheMetrics.class);
                    assertThat(context).hasSingleBean(StorePoolMetrics.class);
                    assertThat(context).hasSingleBean(StallMetrics.class);
                    assertThat(context).hasSingleBean(ExceptionViewMetrics.class);
                });
    }

    @Test
    void theWatchdogCanBeTurnedOff() {
        runner.withPropertyValues("jope.watchdog.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(StallWatchdog.class);
            assertThat(context.getBean(JopeStatusReader.class).read().watchdog().enabled()).isFalse();
        });
    }

}
