package org.jope.autoconfigure.safety;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;

import org.jope.autoconfigure.web.ServerStartedEvent;

/**
 * Warns when a debugging mode is on while the server listens beyond loopback: tracebacks and unmasked errors are then
 * shown to whoever can reach the port.
 */
class DebugExposureWarning implements ApplicationListener<ServerStartedEvent> {

    private static final Logger logger = LoggerFactory.getLogger(DebugExposureWarning.class);

    private final boolean debugExceptions;

    private final boolean exposeTracebacks;

    DebugExposureWarning(boolean debugExceptions, boolean exposeTracebacks) {
        this.debugExceptions = debugExceptions;
        this.exposeTracebacks = exposeTracebacks;
    }

    @Override
    public void onApplicationEvent(ServerStartedEvent event) {
        InetAddress address = event.server().address();
        if (!(debugExceptions || exposeTracebacks) || (address != null && address.isLoopbackAddress())) {
            return;
        }
        String listener = (address == null ? "every interface" : address.getHostAddress()) + ", port "
                + event.server().port();
        if (debugExceptions && exposeTracebacks) {
            logger.warn("jope.debug-exceptions and jope.server.expose-tracebacks are on and the server listens on {}: "
                    + "anyone who can reach it sees the stack trace, message and class of every unhandled error. "
                    + "Set server.address: 127.0.0.1, or turn them off.", listener);
        }
        else if (debugExceptions) {
            logger.warn("jope.debug-exceptions is on and the server listens on {}: errors are no longer answered by "
                    + "the site's error pages but by the server's plain 500. Set server.address: 127.0.0.1, or "
                    + "turn it off.", listener);
        }
        else {
            logger.warn("jope.server.expose-tracebacks is on and the server listens on {}: with "
                    + "jope.debug-exceptions turned on, anyone who can reach it would see stack traces. Set "
                    + "server.address: 127.0.0.1, or turn it off.", listener);
        }
    }

}
