package org.jope.autoconfigure.safety;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import org.jope.autoconfigure.JopeAutoConfiguration;
import org.jope.autoconfigure.JopeProperties;
import org.jope.autoconfigure.JopeScheduler;
import org.jope.autoconfigure.web.JopeWebServerAutoConfiguration;
import org.jope.autoconfigure.web.QueueTimeoutSheds;
import org.jope.autoconfigure.web.RunningServer;

/**
 * The seed's warnings made executable: request threads stay below the store's pool, requests waiting for a worker are
 * reported and shed once they have waited too long, and debugging modes on a server reachable from elsewhere are called
 * out, and so is an OS cap below the listening socket's backlog. (The lock that keeps a second process off an embedded
 * store is taken by the core.)
 */
@AutoConfiguration(after = { JopeAutoConfiguration.class, JopeWebServerAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(JopeProperties.class)
public class JopeSafetyAutoConfiguration {

    @Bean
    ThreadsVsPoolCheck jopeThreadsVsPoolCheck(JopeProperties properties) {
        return new ThreadsVsPoolCheck(properties.getStore().getPoolSize(), properties.getSafety().getThreadsVsPool());
    }

    @Bean
    DebugExposureWarning jopeDebugExposureWarning(JopeProperties properties) {
        return new DebugExposureWarning(properties.isDebugExceptions(), properties.getServer().isExposeTracebacks());
    }

    @Bean
    ListenBacklogWarning jopeListenBacklogWarning(JopeProperties properties) {
        return new ListenBacklogWarning(properties.getServer().getBacklog(), ListenBacklogWarning.SOMAXCONN);
    }

    @Bean
    QueueTimeoutFilter jopeQueueTimeoutFilter(QueueTimeoutSheds sheds) {
        return new QueueTimeoutFilter(sheds);
    }

    /** Right after the outermost error filter, so that a shed request costs no other filter anything. */
    @Bean
    FilterRegistrationBean<QueueTimeoutFilter> jopeQueueTimeoutFilterRegistration(QueueTimeoutFilter filter) {
        FilterRegistrationBean<QueueTimeoutFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean
    RequestQueueMonitor jopeRequestQueueMonitor(RunningServer server, JopeScheduler scheduler) {
        return new RequestQueueMonitor(server, scheduler, Duration.ofSeconds(10));
    }

}
