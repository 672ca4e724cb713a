package org.jope.autoconfigure.web;

import java.time.Duration;

import org.jope.autoconfigure.JopeProperties;

/**
 * What a connection may cost the container, whatever the container: how long it may stay idle or half-sent, and how
 * many may be open at once. Each container's customizer maps these to its own settings.
 */
record ConnectionBounds(Duration channelTimeout, int connectionLimit) {

    static ConnectionBounds of(JopeProperties.Server server) {
        return new ConnectionBounds(server.getChannelTimeout(), server.getConnectionLimit());
    }

    int channelTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, channelTimeout.toMillis());
    }

}
