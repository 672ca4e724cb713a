package org.jope.autoconfigure.web;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Maps the connection bounds to Jetty: the connectors' idle timeout, which covers an idle connection and a partial
 * request head alike, and a {@link NetworkConnectionLimit}, which stops accepting at the limit, so that further
 * connections wait in the OS backlog, whose size is the connector's accept queue (by default the JVM's 50). While a
 * body is read, {@link JettyBodyTimeoutHandler} shortens the idle timeout to the body timeout. The thread pool is
 * replaced by {@link JettyQueuedJobs}, of the same sizes, which stamps each job for the queue timeout. A request
 * answered before its body was read needs nothing here: Jetty consumes what has arrived and closes the connection
 * rather than wait for the rest. It runs after Boot's own customizer, so the timeout wins over
 * {@code server.jetty.connection-idle-timeout}; a {@code server.jetty.max-connections} adds Boot's own limit beside
 * this one, and the lower of the two holds.
 */
class JettyConnectionsCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

    private final ConnectionBounds bounds;

    JettyConnectionsCustomizer(ConnectionBounds bounds) {
        this.bounds = bounds;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        if (factory.getThreadPool() instanceof QueuedThreadPool configured
                && !(configured instanceof JettyQueuedJobs)) {
            factory.setThreadPool(new JettyQueuedJobs(configured));
        }
        factory.addServerCustomizers(this::bound);
    }

    private void bound(Server server) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector network) {
                network.setIdleTimeout(bounds.channelTimeout().toMillis());
            }
            if (connector instanceof ServerConnector socket) {
                socket.setAcceptQueueSize(bounds.backlog());
            }
        }
        // Named now: Boot's JettyWebServer takes the connectors off the server while it starts, so a limit that
        // looked them up at its own start would find none.
        server.addBean(new NetworkConnectionLimit(bounds.connectionLimit(), server.getConnectors()));
        server.setHandler(new JettyBodyTimeoutHandler(server.getHandler(), bounds.bodyTimeout().toMillis()));
        server.setHandler(new JettyAsteriskHandler(server.getHandler()));
        server.setHandler(new JettyArrivalHandler(server.getHandler()));
    }

    /** After the threads customizer, so that the stamping pool takes the sizes it set. */
    @Override
    public int getOrder() {
        return 2;
    }

}
