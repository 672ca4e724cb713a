package org.jope.autoconfigure.web;

import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ContinueResponseTiming;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Maps the connection bounds to Tomcat. connectionTimeout bounds the wait for a request head and, as keepAliveTimeout
 * follows it, an idle connection; maxConnections stops the acceptor, so that further connections wait in the OS backlog
 * (acceptCount, the backlog) rather than being refused. While a body is read, the socket waits at most the body timeout
 * (connectionUploadTimeout), and a request answered before its body was read closes its connection
 * ({@link TomcatUnreadBodyValve}); a client that waits for 100 Continue gets it only once the body is read. It runs
 * after Boot's own customizer, so these win over {@code server.tomcat.connection-timeout},
 * {@code server.tomcat.max-connections} and {@code server.tomcat.accept-count}.
 */
class TomcatConnectionsCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ConnectionBounds bounds;

    TomcatConnectionsCustomizer(ConnectionBounds bounds) {
        this.bounds = bounds;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers((connector) -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setConnectionTimeout(bounds.channelTimeoutMillis());
                protocol.setKeepAliveTimeout(bounds.channelTimeoutMillis());
                protocol.setMaxConnections(bounds.connectionLimit());
                protocol.setAcceptCount(bounds.backlog());
            }
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setDisableUploadTimeout(false);
                http.setConnectionUploadTimeout(bounds.bodyTimeoutMillis());
                // 100 Continue when the body is first read, as Jetty and Undertow send it: sent at once, it has the
                // client upload a body that a 401 or a 413 then refuses unread.
                http.setContinueResponseTiming(ContinueResponseTiming.ON_REQUEST_BODY_READ.toString());
            }
        });
        factory.addEngineValves(new TomcatUnreadBodyValve());
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
