package org.jope.autoconfigure.web;

import java.time.Duration;

import org.jope.autoconfigure.JopeProperties;

/**
 * What a connection may cost the container, whatever the container: how long it may stay idle or half-sent, how
 * many may be open at once, how many the OS holds before the container accepts them, and how long it may stall in
 * the middle of a request body. Each container's customizer maps these to its own settings.
 */
record ConnectionBounds(Duration channelTimeout, int connectionLimit, int backlog, Duration bodyTimeout) {

    static ConnectionBounds of(JopeProperties.Server server) {
        return new ConnectionBounds(server.getChannelTimeout(), server.getConnectionLimit(), server.getBacklog(),
                server.getBodyTimeout());
    }

    int channelTimeoutMillis() {
        return millis(channelTimeout);
    }

    int bodyTimeoutMillis() {
        return millis(bodyTimeout);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

}
