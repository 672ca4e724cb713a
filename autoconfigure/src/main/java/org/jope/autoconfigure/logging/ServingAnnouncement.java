package org.jope.autoconfigure.logging;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.apache.coyote.AbstractProtocol;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.embedded.undertow.UndertowWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.context.event.EventListener;

/**
 * The two start-up lines of the event log, as waitress and Zope write them: "Serving on http://127.0.0.1:8080
 * (tomcat, 4 threads)" once the container listens, and "Ready to handle requests" once the application is ready.
 * The address, port, container and threads are read from the running server, not from the configuration.
 */
class ServingAnnouncement {

    private static final Logger logger = LoggerFactory.getLogger(ServingAnnouncement.class);

    private final ServerProperties serverProperties;

    ServingAnnouncement(ServerProperties serverProperties) {
        this.serverProperties = serverProperties;
    }

    @EventListener
    void serving(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            // A management server on its own port announces nothing: "Serving on" names the site.
            return;
        }
        WebServer server = event.getWebServer();
        boolean ssl = serverProperties.getSsl() != null && serverProperties.getSsl().isEnabled();
        String threads = threads(server);
        logger.info("Serving on {}://{}:{} ({}{})", ssl ? "https" : "http", host(serverProperties.getAddress()),
                server.getPort(), containerName(server), threads != null ? ", " + threads + " threads" : "");
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        logger.info("Ready to handle requests");
    }

    private static String host(InetAddress address) {
        if (address == null) {
            return "0.0.0.0";
        }
        String host = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + host + "]" : host;
    }

    private static String containerName(WebServer server) {
        return switch (server.getClass().getName()) {
            case "org.springframework.boot.web.embedded.tomcat.TomcatWebServer" -> "tomcat";
            case "org.springframework.boot.web.embedded.jetty.JettyWebServer" -> "jetty";
            case "org.springframework.boot.web.embedded.undertow.UndertowServletWebServer",
                    "org.springframework.boot.web.embedded.undertow.UndertowWebServer" -> "undertow";
            default -> server.getClass().getSimpleName();
        };
    }

    /** The request threads of the container, or null for a server this does not know. */
    private static String threads(WebServer server) {
        // Each branch names only its own container's classes, which are loaded when the branch runs.
        return switch (containerName(server)) {
            case "tomcat" -> TomcatThreads.of(server);
            case "jetty" -> JettyThreads.of(server);
            case "undertow" -> UndertowThreads.of(server);
            default -> null;
        };
    }

    private static final class TomcatThreads {

        static String of(WebServer server) {
            return ((TomcatWebServer) server).getTomcat().getConnector()
                    .getProtocolHandler() instanceof AbstractProtocol<?> protocol
                    ? Integer.toString(protocol.getMaxThreads()) : null;
        }

    }

    private static final class JettyThreads {

        /** The QoSHandler's cap is the request threads; the pool also holds acceptors and selectors. */
        static String of(WebServer server) {
            org.eclipse.jetty.server.Server jetty = ((JettyWebServer) server).getServer();
            QoSHandler limit = jetty.getDescendant(QoSHandler.class);
            if (limit != null) {
                return Integer.toString(limit.getMaxRequestCount());
            }
            return jetty.getThreadPool() instanceof ThreadPool.SizedThreadPool pool
                    ? Integer.toString(pool.getMaxThreads()) : null;
        }

    }

    private static final class UndertowThreads {

        static String of(WebServer server) {
            return Integer.toString(((UndertowWebServer) server).getUndertow().getWorker().getMXBean()
                    .getMaxWorkerPoolSize());
        }

    }

}
