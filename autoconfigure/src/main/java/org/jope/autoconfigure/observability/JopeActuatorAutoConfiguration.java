package org.jope.autoconfigure.observability;

import java.time.Duration;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import org.jope.core.JopeApplication;

/**
 * Jope for Actuator: the {@code jope} endpoint and the store's health indicator. Without Actuator on the classpath
 * both step aside. Which endpoints are exposed is Boot's business, so {@code jope} is exposed over HTTP only where
 * management.endpoints.web.exposure.include names it, while health is exposed by default.
 */
@AutoConfiguration(after = JopeObservabilityAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(JopeStatusReader.class)
public class JopeActuatorAutoConfiguration {

    /** Long enough for a healthy database under load, short enough for a liveness probe's own timeout. */
    private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    JopeEndpoint jopeEndpoint(JopeStatusReader jopeStatusReader) {
        return new JopeEndpoint(jopeStatusReader);
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("jope-store")
    @ConditionalOnMissingBean(name = "jopeStoreHealthIndicator")
    StoreHealthIndicator jopeStoreHealthIndicator(JopeApplication application) {
        return new StoreHealthIndicator(application.store(), HEALTH_CHECK_TIMEOUT);
    }

}
