package org.jope.autoconfigure.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Warns at start when Linux caps the listening socket's backlog below jope.server.backlog: the kernel silently takes
 * the smaller of the two, and a burst of clients beyond it waits a second or more for its handshake to be retried,
 * a wait no timeout of the container's sees. Elsewhere, where the cap cannot be read, it says nothing.
 */
final class ListenBacklogWarning implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

    /** Where Linux publishes net.core.somaxconn. */
    static final Path SOMAXCONN = Path.of("/proc/sys/net/core/somaxconn");

    private static final Logger logger = LoggerFactory.getLogger(ListenBacklogWarning.class);

    private final int backlog;

    private final Path somaxconn;

    ListenBacklogWarning(int backlog, Path somaxconn) {
        this.backlog = backlog;
        this.somaxconn = somaxconn;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        message().ifPresent(logger::warn);
    }

    /** The warning, if the cap can be read and is below the backlog. */
    Optional<String> message() {
        return cap().filter((cap) -> cap < backlog).map((cap) -> "jope.server.backlog is " + backlog
                + ", but the kernel holds at most net.core.somaxconn = " + cap + " connections for a listening socket,"
                + " so a burst of more clients than that waits seconds for its handshake. Raise the cap"
                + " (sysctl -w net.core.somaxconn=" + backlog + ") or set jope.server.backlog to " + cap + ".");
    }

    private Optional<Integer> cap() {
        try {
            return Optional.of(Integer.parseInt(Files.readString(somaxconn).trim()));
        }
        catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

}
