package org.jope.core;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.config.JopeConfig;
import org.jope.core.testing.Http;
import org.jope.core.testing.TomcatServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The core without Spring: one call from a config, mounted on a plain Tomcat and a plain Jetty. */
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

    private JopeConfig config() {
        return JopeConfig.builder().storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope"))
                .initUser(directory.resolve("inituser")).build();
    }

}
