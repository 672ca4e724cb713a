package org.jope.autoconfigure.logging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import org.jope.autoconfigure.JopeProperties;
import org.jope.core.log.AccessLog;
import org.jope.core.log.AccessLogFormatter;
import org.jope.core.log.TrustedProxies;

/**
 * Jope's logging: one access log, the same line on every container (Paste's translogger), fed from each container's
 * own request-log hook so that rejected and failed requests are in it too; the event log in Zope's format; and the
 * start-up lines. A user's own {@link AccessLog} bean replaces Jope's.
 */
@AutoConfiguration
@EnableConfigurationProperties({ JopeLogProperties.class, JopeProperties.class })
public class JopeLoggingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "ch.qos.logback.classic.LoggerContext")
    static class LogbackFiles {

        /** Static, as a bean factory post-processor must be, so that it runs before the web server is created. */
        @Bean
        static JopeLogbackConfigurer jopeLogbackConfigurer(Environment environment) {
            return new JopeLogbackConfigurer(environment);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class StartupLines {

        @Bean
        ServingAnnouncement jopeServingAnnouncement() {
            return new ServingAnnouncement();
        }

    }

    /** The access log and its three container hooks, each hook where its container is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnProperty(prefix = "jope.log.access", name = "enabled", matchIfMissing = true)
    static class AccessLogConfiguration {

        @Bean
        @ConditionalOnMissingBean
        AccessLog jopeAccessLog(JopeLogProperties logProperties, JopeProperties properties) {
            return new AccessLog(AccessLogFormatter.of(logProperties.getAccess().getFormat(),
                    TrustedProxies.of(properties.getTrustedProxies())));
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
        static class TomcatAccessLog {

            @Bean
            TomcatAccessLogCustomizer jopeTomcatAccessLogCustomizer(AccessLog accessLog) {
                return new TomcatAccessLogCustomizer(accessLog);
            }

        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "org.eclipse.jetty.ee10.webapp.WebAppContext")
        static class JettyAccessLog {

            @Bean
            JettyAccessLogCustomizer jopeJettyAccessLogCustomizer(AccessLog accessLog) {
                return new JettyAccessLogCustomizer(accessLog);
            }

        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "io.undertow.Undertow")
        static class UndertowAccessLog {

            @Bean
            UndertowAccessLogCustomizer jopeUndertowAccessLogCustomizer(AccessLog accessLog) {
                return new UndertowAccessLogCustomizer(accessLog);
            }

        }

    }

}
