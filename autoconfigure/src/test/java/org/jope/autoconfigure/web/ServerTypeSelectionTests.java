package org.jope.autoconfigure.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.servlet.server.ServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ServerTypeSelectionTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(JopeWebServerAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class));

    @Test
    void tomcatIsTheDefault() {
        runner.run((context) -> assertThat(context).getBean(ServletWebServerFactory.class)
                .isInstanceOf(TomcatServletWebServerFactory.class));
    }

    @Test
    void jettyIsPickedByTheProperty() {
        runner.withPropertyValues("jope.server.type=jetty").run((context) -> {
            assertThat(context).getBean(ServletWebServerFactory.class).isInstanceOf(JettyServletWebServerFactory.class);
            assertThat(context).hasBean("jopeJettyWebSocketCustomizer");
        });
    }

    @Test
    void undertowIsPickedByTheProperty() {
        runner.withPropertyValues("jope.server.type=Undertow").run((context) -> assertThat(context)
                .getBean(ServletWebServerFactory.class).isInstanceOf(UndertowServletWebServerFactory.class));
    }

    @Test
    void unknownTypeFailsAndNamesTheProperty() {
        runner.withPropertyValues("jope.server.type=waitress").run((context) -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new UnknownServerTypeFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("jope.server.type").contains("'waitress'");
            assertThat(analysis.getAction()).contains("tomcat, jetty, undertow");
        });
    }

    @Test
    void missingContainerFailsAndNamesTheDependency() {
        runner.withClassLoader(new FilteredClassLoader("io.undertow."))
                .withPropertyValues("jope.server.type=undertow")
                .run((context) -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new ServerNotOnClasspathFailureAnalyzer()
                            .analyze(context.getStartupFailure());
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("jope.server.type").contains("Undertow");
                    assertThat(analysis.getAction()).contains("org.springframework.boot:spring-boot-starter-undertow");
                });
    }

    @Test
    void usersOwnFactoryWins() {
        runner.withPropertyValues("jope.server.type=undertow")
                .withUserConfiguration(OwnFactory.class)
                .run((context) -> assertThat(context).getBean(ServletWebServerFactory.class)
                        .isSameAs(context.getBean("myFactory")));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFactory {

        @Bean
        ServletWebServerFactory myFactory() {
            return new TomcatServletWebServerFactory(0);
        }

    }

}
