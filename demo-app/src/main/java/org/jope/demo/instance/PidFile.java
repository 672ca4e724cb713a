package org.jope.demo.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * var/jope.pid: written once the site is ready, so that its presence means the web server is up, and removed when
 * the context closes (a clean exit, SIGTERM included). bin/jopectl reads it. Spring Boot's ApplicationPidFileWriter
 * removes its file on any JVM exit and whatever it holds; this one removes only a file that still names this process.
 */
public final class PidFile implements ApplicationListener<ApplicationEvent> {

    private final Path path;

    private final String pid = Long.toString(ProcessHandle.current().pid());

    private ApplicationContext readyContext;

    public PidFile(Path path) {
        this.path = path;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent ready) {
            readyContext = ready.getApplicationContext();
            write();
        }
        // A child context (a management port) closes on its own; only the site's own context ends the process.
        else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == readyContext) {
            remove();
        }
    }

    /** Written beside and then moved, so that a reader never sees a half-written pid. */
    private void write() {
        try {
            Path absolute = path.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
            Files.writeString(partial, pid + System.lineSeparator(), StandardCharsets.US_ASCII);
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not write the pid file " + path.toAbsolutePath(), ex);
        }
    }

    private void remove() {
        try {
            if (Files.exists(path) && Files.readString(path, StandardCharsets.US_ASCII).strip().equals(pid)) {
                Files.delete(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not remove the pid file " + path.toAbsolutePath(), ex);
        }
    }

}
