package org.jope.autoconfigure.web;

import java.util.function.Supplier;

import io.undertow.UndertowOptions;
import io.undertow.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.util.function.SingletonSupplier;

/**
 * Maps the connection bounds to Undertow, which by default never closes an idle or half-sent connection. The channel
 * timeout becomes three options: NO_REQUEST_TIMEOUT for a connection that sends nothing (at first or between requests),
 * REQUEST_PARSE_TIMEOUT for a request head that never ends, and IDLE_TIMEOUT for a connection with no I/O at all. The
 * connection limit is XNIO's high-water mark: at it the server stops accepting, so that further connections wait in the
 * OS backlog (XNIO's BACKLOG, 1000 by Undertow's default), and it accepts again once one has closed.
 * {@link UndertowBodyHandling} bounds a body read by the body timeout and closes, rather than drains, a body the
 * servlet did not read; {@link UndertowRequestScreening} refuses what Tomcat's and Jetty's parsers refuse. Undertow's
 * own entity size limit is lifted, so that jope.server.max-request-body-size and the request-body memory bound a body,
 * with Jope's 413. It runs after Boot's own customizer, so these win over {@code server.undertow.no-request-timeout}
 * and {@code server.undertow.max-http-post-size}. An Undertow older than its strict request parser is warned about
 * ({@link UndertowVersionWarning}).
 */
class UndertowConnectionsCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory>, Ordered {

    private static final Logger logger = LoggerFactory.getLogger(UndertowConnectionsCustomizer.class);

    private final ConnectionBounds bounds;

    private final Supplier<Long> bodyLimit;

    /** @param bodyLimit the largest request body the publisher accepts, asked for once the first request comes */
    UndertowConnectionsCustomizer(ConnectionBounds bounds, Supplier<Long> bodyLimit) {
        this.bounds = bounds;
        this.bodyLimit = SingletonSupplier.of(bodyLimit);
    }

    @Override
    public void customize(UndertowServletWebServerFactory factory) {
        UndertowVersionWarning.of(Version.getVersionString()).ifPresent(logger::warn);
        int timeout = bounds.channelTimeoutMillis();
        factory.addBuilderCustomizers((builder) -> builder
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, timeout)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, timeout)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, timeout)
                .setSocketOption(Options.CONNECTION_HIGH_WATER, bounds.connectionLimit())
                .setSocketOption(Options.CONNECTION_LOW_WATER, bounds.connectionLimit())
                .setSocketOption(Options.BACKLOG, bounds.backlog())
                // Undertow reads a connection's read timeout afresh on each wait, but installs the conduit that
                // enforces it only when the option is set from the start.
                .setSocketOption(Options.READ_TIMEOUT, timeout)
                // Undertow's own default ends any body over 2 MiB with a 500; Jope's limit and budget bound bodies.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, -1L));
        factory.addDeploymentInfoCustomizers((deployment) -> deployment
                .addInitialHandlerChainWrapper(
                        (next) -> UndertowBodyHandling.bufferBeforeDispatch(next, bodyLimit, bounds))
                .addInitialHandlerChainWrapper((next) -> UndertowBodyHandling.bodyTimeout(next, bounds))
                .addInitialHandlerChainWrapper(UndertowBodyHandling::decodeChunksStrictly)
                .addInitialHandlerChainWrapper(UndertowRequestScreening::new)
                .addOuterHandlerChainWrapper(UndertowBodyHandling::closeUnreadBody)
                .addOuterHandlerChainWrapper((next) -> UndertowBodyHandling.recordArrival(next, bounds)));
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
