package org.jope.core;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.config.InvalidConfigValueException;
import org.jope.core.config.JopeConfig;
import org.jope.core.testing.Http;
import org.jope.core.testing.TomcatServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The core without Spring: one call from a config, or from a config file, mounted on a plain Tomcat and a plain
 * Jetty.
 */
class PlainContainerTests {

    @TempDir
    Path directory;

    @Test
    void mountsOnPlainTomcat() throws Exception {
        try (JopeApplication application = Jope.create(config());
                TomcatServer tomcat = new TomcatServer(application.servlet(), directory.resolve("tomcat"))) {
            assertThat(new Http(tomcat.url()).get("/welcome").body()).contains("Welcome to Jope");
        }
    }

    @Test
    void mountsOnPlainJetty() throws Exception {
        try (JopeApplication application = Jope.create(config())) {
            Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
            ServletContextHandler context = new ServletContextHandler();
            context.addServlet(new ServletHolder(application.servlet()), "/");
            jetty.setHandler(context);
            jetty.start();
            try {
                int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
                Http http = new Http("http://127.0.0.1:" + port);
                assertThat(http.get("/").body()).contains("<h1>Jope</h1>");
                assertThat(http.get("/missing").statusCode()).isEqualTo(404);
            }
            finally {
                jetty.stop();
            }
        }
    }

    @Test
    void buildsFromAConfigFileAndMountsOnPlainTomcat() throws Exception {
        Path store = directory.resolve("elsewhere/site");
        Path configFile = Files.writeString(directory.resolve("application.yml"), """
                server:
                  port: 8080
                jope:
                  debug-exceptions: true
                  store:
                    url: jdbc:h2:file:%s
                    cacheSize: 42
                  security.inituser: %s
                """.formatted(store, directory.resolve("inituser")));

        try (JopeApplication application = Jope.create(configFile);
                TomcatServer tomcat = new TomcatServer(application.servlet(), directory.resolve("tomcat"))) {
            Http http = new Http(tomcat.url());
            assertThat(http.get("/").body()).contains("<h1>Jope</h1>");
            assertThat(store.resolveSibling("site.mv.db")).isRegularFile();
            assertThat(application.config().cacheSize()).isEqualTo(42);
            // debug-exceptions: the NotFound leaves the publisher instead of meeting its 404 view, and plain Tomcat,
            // with no Jope filter in front, answers it with its own 500.
            HttpResponse<String> missing = http.get("/missing");
            assertThat(missing.statusCode()).isEqualTo(500);
            assertThat(missing.body()).doesNotContain("404");
        }
    }

    @Test
    void aBadValueInTheConfigFileNamesTheFileTheKeyAndTheValue() throws Exception {
        Path configFile = Files.writeString(directory.resolve("application.yml"), """
                jope:
                  store:
                    pool-size: seven
                """);

        assertThatExceptionOfType(InvalidConfigValueException.class).isThrownBy(() -> Jope.create(configFile))
                .withMessage(configFile + ": jope.store.pool-size is 'seven', but it must be a whole number of at "
                        + "least 1");
    }

    private JopeConfig config() {
        return JopeConfig.builder().storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope"))
                .initUser(directory.resolve("inituser")).build();
    }

}
