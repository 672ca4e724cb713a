package org.jope.autoconfigure.observability;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import org.jope.autoconfigure.JopeAutoConfiguration;
import org.jope.autoconfigure.JopeProperties;
import org.jope.autoconfigure.JopeScheduler;
import org.jope.autoconfigure.ViewRegistration;
import org.jope.autoconfigure.safety.JopeSafetyAutoConfiguration;
import org.jope.autoconfigure.safety.RequestQueueMonitor;
import org.jope.autoconfigure.web.RunningServer;
import org.jope.core.JopeApplication;

/**
 * What a site's operator sees without any monitoring system: the stall watchdog in the log, and the status page
 * {@code @@status} for managers. Neither needs Actuator; the meters are in {@link JopeMetricsAutoConfiguration},
 * the jope endpoint and the health indicator in {@link JopeActuatorAutoConfiguration}.
 */
@AutoConfiguration(after = { JopeAutoConfiguration.class, JopeSafetyAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ JopeApplication.class, RunningServer.class, RequestQueueMonitor.class })
@EnableConfigurationProperties({ JopeProperties.class, StallWatchdogProperties.class })
public class JopeObservabilityAutoConfiguration {

    /**
     * The status page's charts: five minutes of one-second samples. The page counts its time axis in samples, so
     * the period stays one second.
     */
    private static final int HISTORY_SECONDS = 300;

    private static final Duration SAMPLE_PERIOD = Duration.ofSeconds(1);

    @Bean
    @ConditionalOnMissingBean
    JopeStatusReader jopeStatusReader(JopeApplication application, JopeProperties properties, RunningServer server,
            ObjectProvider<StallWatchdog> watchdog, Environment environment) {
        return new JopeStatusReader(application, properties, server, watchdog.getIfAvailable(), environment);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "jope.watchdog", name = "enabled", matchIfMissing = true)
    StallWatchdog jopeStallWatchdog(JopeApplication application, StallWatchdogProperties properties,
            JopeScheduler scheduler) {
        return new StallWatchdog(application.publisher().inFlight(), properties.getStallAfter(), scheduler);
    }

    @Bean
    ActivityHistory jopeActivityHistory() {
        return new ActivityHistory(HISTORY_SECONDS);
    }

    @Bean
    ActivitySampler jopeActivitySampler(JopeApplication application, ActivityHistory jopeActivityHistory,
            JopeScheduler scheduler) {
        return new ActivitySampler(application.publisher().inFlight(), new StorePool(application.store()),
                jopeActivityHistory, SAMPLE_PERIOD, scheduler);
    }

    /**
     * The status views are built before the application that they report on, since the application takes its views
     * when it is created; so they reach the status reader lazily. They come first among the view registrations, so
     * that a site's own view of the same name replaces them.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ViewRegistration jopeStatusView(ObjectProvider<JopeStatusReader> reader) {
        return new ViewRegistration(StatusPageView.NAME,
                new StatusPageView(() -> reader.getObject().read(), HISTORY_SECONDS));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ViewRegistration jopeStatusDataView(ObjectProvider<JopeStatusReader> reader, ActivityHistory jopeActivityHistory) {
        return new ViewRegistration(StatusDataView.NAME,
                new StatusDataView(() -> reader.getObject().read(), jopeActivityHistory));
    }

    /** A nested class, so that the Undertow types in its signature are loaded only with Undertow present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.undertow.Undertow")
    static class UndertowStatisticsConfiguration {

        @Bean
        UndertowBusyThreadCounting jopeUndertowBusyThreadCounting() {
            return new UndertowBusyThreadCounting();
        }

    }

}
