package org.jope.autoconfigure.observability;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import org.jope.autoconfigure.ServerType;
import org.jope.autoconfigure.safety.QueueTimeoutFilter;
import org.jope.autoconfigure.safety.RequestQueueMonitor;
import org.jope.autoconfigure.web.RunningServer;
import org.jope.core.JopeApplication;

/**
 * Micrometer meters of the request path, each tagged with the container: Jope's own ({@code jope.*}), HikariCP's
 * tracker on the store's pool ({@code hikaricp.*}), and Boot's {@code http.server.requests}, which already times the
 * publisher's requests, since the publisher answers inside Spring MVC's DispatcherServlet. Without Actuator, which
 * brings Micrometer and its registry, none of this exists.
 */
@AutoConfiguration(after = { JopeObservabilityAutoConfiguration.class, MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class })
@ConditionalOnClass({ MeterRegistry.class, MetricsAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({ MeterRegistry.class, JopeApplication.class, RunningServer.class, RequestQueueMonitor.class })
public class JopeMetricsAutoConfiguration {

    @Bean
    ServerTagMeterFilter jopeServerTagMeterFilter(Environment environment) {
        return new ServerTagMeterFilter(ServerType.selectedIn(environment).propertyValue());
    }

    @Bean
    PublisherMetrics jopePublisherMetrics(JopeApplication application) {
        return new PublisherMetrics(application.publisher());
    }

    @Bean
    @ConditionalOnBean(QueueTimeoutFilter.class)
    QueueTimeoutMetrics jopeQueueTimeoutMetrics(QueueTimeoutFilter filter) {
        return new QueueTimeoutMetrics(filter);
    }

    @Bean
    WorkerMetrics jopeWorkerMetrics(RunningServer server, RequestQueueMonitor queue) {
        return new WorkerMetrics(server, queue);
    }

    @Bean
    ObjectCacheMetrics jopeObjectCacheMetrics(JopeApplication application) {
        return new ObjectCacheMetrics(application.store().cache());
    }

    @Bean
    StorePoolMetrics jopeStorePoolMetrics(JopeApplication application) {
        return new StorePoolMetrics(new StorePool(application.store()));
    }

    @Bean
    @ConditionalOnBean(StallWatchdog.class)
    StallMetrics jopeStallMetrics(StallWatchdog watchdog) {
        return new StallMetrics(watchdog);
    }

    @Bean
    ExceptionViewMetrics jopeExceptionViewMetrics(MeterRegistry registry, JopeApplication application) {
        ExceptionViewMetrics metrics = new ExceptionViewMetrics(registry);
        application.publisher().addExceptionListener(metrics);
        return metrics;
    }

}
