package org.jope.autoconfigure.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;

import org.jope.autoconfigure.web.ServerStartedEvent;

/**
 * Warns once the server listens when Linux caps the listening socket's backlog below jope.server.backlog: the kernel
 * silently takes the smaller of the two, and a burst of clients beyond it waits a second or more for its handshake
 * to be retried, a wait no timeout of the container's sees. Elsewhere, where the cap cannot be read, it says nothing.
 */
final class ListenBacklogWarning implements ApplicationListener<ServerStartedEvent> {

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
    public void onApplicationEvent(ServerStartedEvent event) {
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
        // A line at a time: Files.readString trusts the size a file reports, and a /proc file reports 0, so that
        // JDK 17 reads only its first byte ("4" of 4096).
        try (BufferedReader lines = Files.newBufferedReader(somaxconn)) {
            String line = lines.readLine();
            return Optional.ofNullable(line).map((cap) -> Integer.parseInt(cap.trim()));
        }
        catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }

}
