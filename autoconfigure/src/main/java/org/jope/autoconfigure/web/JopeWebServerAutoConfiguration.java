package org.jope.autoconfigure.web;

import java.time.Duration;

import jakarta.servlet.ServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.UndertowServletWebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.websocket.servlet.JettyWebSocketServletWebServerCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.jetty.JettyServerCustomizer;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.undertow.UndertowBuilderCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowDeploymentInfoCustomizer;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

import org.jope.autoconfigure.JopeProperties;
import org.jope.autoconfigure.ServerType;
import org.jope.core.JopeApplication;

/**
 * Registers the servlet container that {@code jope.server.type} names. It runs before Boot's own
 * {@link ServletWebServerFactoryAutoConfiguration}, whose container configurations back off once a factory exists;
 * without this, Boot always takes Tomcat when all three containers are on the classpath.
 *
 * <p>Each factory is wired with the customizer beans that Boot's own configuration would have given it. A user's own
 * {@link ServletWebServerFactory} bean wins over all of this.
 */
@AutoConfiguration(before = ServletWebServerFactoryAutoConfiguration.class)
@ConditionalOnClass(ServletRequest.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ JopeProperties.class, ServerProperties.class })
@Import({ JopeWebServerAutoConfiguration.EmbeddedTomcat.class, JopeWebServerAutoConfiguration.EmbeddedJetty.class,
        JopeWebServerAutoConfiguration.EmbeddedUndertow.class, JopeWebServerAutoConfiguration.TomcatThreads.class,
        JopeWebServerAutoConfiguration.JettyThreads.class, JopeWebServerAutoConfiguration.JettyUris.class,
        JopeWebServerAutoConfiguration.UndertowThreads.class, JopeWebServerAutoConfiguration.TomcatConnections.class,
        JopeWebServerAutoConfiguration.JettyConnections.class,
        JopeWebServerAutoConfiguration.UndertowConnections.class })
public class JopeWebServerAutoConfiguration {

    @Bean
    RunningServer jopeRunningServer(ServerProperties serverProperties) {
        return new RunningServer(serverProperties);
    }

    @Bean
    QueueTimeoutSheds jopeQueueTimeoutSheds(JopeProperties properties) {
        return new QueueTimeoutSheds(properties.getServer().getQueueTimeout(), Duration.ofSeconds(10));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnServerType(ServerType.TOMCAT)
    @ConditionalOnMissingBean(value = ServletWebServerFactory.class, search = SearchStrategy.CURRENT)
    static class EmbeddedTomcat {

        @Bean
        TomcatServletWebServerFactory tomcatServletWebServerFactory(
                ObjectProvider<TomcatConnectorCustomizer> connectorCustomizers,
                ObjectProvider<TomcatContextCustomizer> contextCustomizers,
                ObjectProvider<TomcatProtocolHandlerCustomizer<?>> protocolHandlerCustomizers) {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
            factory.getTomcatConnectorCustomizers().addAll(connectorCustomizers.orderedStream().toList());
            factory.getTomcatContextCustomizers().addAll(contextCustomizers.orderedStream().toList());
            factory.getTomcatProtocolHandlerCustomizers().addAll(protocolHandlerCustomizers.orderedStream().toList());
            return factory;
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnServerType(ServerType.JETTY)
    @ConditionalOnMissingBean(value = ServletWebServerFactory.class, search = SearchStrategy.CURRENT)
    static class EmbeddedJetty {

        @Bean
        JettyServletWebServerFactory jettyServletWebServerFactory(
                ObjectProvider<JettyServerCustomizer> serverCustomizers) {
            JettyServletWebServerFactory factory = new JettyServletWebServerFactory();
            factory.getServerCustomizers().addAll(serverCustomizers.orderedStream().toList());
            return factory;
        }

        /**
         * Boot registers Tomcat's and Jetty's WebSocket customizers under one bean name, so with both on the
         * classpath only Tomcat's exists, and Jetty fails with "WebSocketComponents has not been created".
         */
        @Bean
        @ConditionalOnClass(name = "org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer")
        JettyWebSocketServletWebServerCustomizer jopeJettyWebSocketCustomizer() {
            return new JettyWebSocketServletWebServerCustomizer();
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnServerType(ServerType.UNDERTOW)
    @ConditionalOnMissingBean(value = ServletWebServerFactory.class, search = SearchStrategy.CURRENT)
    static class EmbeddedUndertow {

        @Bean
        UndertowServletWebServerFactory undertowServletWebServerFactory(
                ObjectProvider<UndertowDeploymentInfoCustomizer> deploymentInfoCustomizers,
                ObjectProvider<UndertowBuilderCustomizer> builderCustomizers) {
            UndertowServletWebServerFactory factory = new UndertowServletWebServerFactory();
            factory.getDeploymentInfoCustomizers().addAll(deploymentInfoCustomizers.orderedStream().toList());
            factory.getBuilderCustomizers().addAll(builderCustomizers.orderedStream().toList());
            return factory;
        }

        /** Boot declares this inside its own Undertow configuration, which backs off once this factory exists. */
        @Bean
        UndertowServletWebServerFactoryCustomizer undertowServletWebServerFactoryCustomizer(
                ServerProperties serverProperties) {
            return new UndertowServletWebServerFactoryCustomizer(serverProperties);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatThreads {

        @Bean
        TomcatThreadsCustomizer jopeTomcatThreadsCustomizer(JopeProperties properties, Environment environment) {
            return new TomcatThreadsCustomizer(properties.getServer().getThreads(), environment);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.eclipse.jetty.ee10.webapp.WebAppContext")
    static class JettyThreads {

        @Bean
        JettyThreadsCustomizer jopeJettyThreadsCustomizer(JopeProperties properties, Environment environment,
                ServerProperties serverProperties, QueueTimeoutSheds sheds,
                ObjectProvider<JopeApplication> application) {
            // Looked up at the first request that brings a login, and kept once there: the server is made before
            // the application.
            return new JettyThreadsCustomizer(properties.getServer().getThreads(), environment, serverProperties,
                    sheds, SingletonSupplier.ofNullable(application::getIfAvailable));
        }

    }

    /** Names that hold '%' reach the publisher on Jetty as on the other two. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.eclipse.jetty.ee10.webapp.WebAppContext")
    static class JettyUris {

        @Bean
        JettyUriComplianceCustomizer jopeJettyUriComplianceCustomizer() {
            return new JettyUriComplianceCustomizer();
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.undertow.Undertow")
    static class UndertowThreads {

        @Bean
        UndertowThreadsCustomizer jopeUndertowThreadsCustomizer(JopeProperties properties, Environment environment) {
            return new UndertowThreadsCustomizer(properties.getServer().getThreads(), environment);
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatConnections {

        @Bean
        TomcatConnectionsCustomizer jopeTomcatConnectionsCustomizer(JopeProperties properties) {
            return new TomcatConnectionsCustomizer(ConnectionBounds.of(properties.getServer()));
        }

        @Bean
        TomcatQueueTimeCustomizer jopeTomcatQueueTimeCustomizer() {
            return new TomcatQueueTimeCustomizer();
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.eclipse.jetty.ee10.webapp.WebAppContext")
    static class JettyConnections {

        @Bean
        JettyConnectionsCustomizer jopeJettyConnectionsCustomizer(JopeProperties properties) {
            return new JettyConnectionsCustomizer(ConnectionBounds.of(properties.getServer()));
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.undertow.Undertow")
    static class UndertowConnections {

        @Bean
        UndertowConnectionsCustomizer jopeUndertowConnectionsCustomizer(JopeProperties properties,
                ObjectProvider<JopeApplication> application) {
            return new UndertowConnectionsCustomizer(ConnectionBounds.of(properties.getServer()),
                    () -> application.stream().findFirst()
                            .map((jope) -> jope.publisher().bodyMemory().limit()).orElse(Long.MAX_VALUE));
        }

    }

}
