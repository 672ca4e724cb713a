package org.jope.autoconfigure.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import org.jope.core.security.InitUserFile;

/**
 * A fresh instance directory for one test context under target/: the store, the inituser file with the manager
 * admin:secret, and var/log for the access and event logs.
 */
record LogTestDirectory(Path root) {

    static final String USER = "admin";

    /** {@code admin:secret}, Base64-encoded for a Basic Authorization header. */
    static final String CREDENTIALS = "YWRtaW46c2VjcmV0";

    static LogTestDirectory create() {
        Path root = Path.of("target", "logging-tests", UUID.randomUUID().toString()).toAbsolutePath();
        try {
            Files.createDirectories(root);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        InitUserFile.addUser(root.resolve("inituser"), USER, "secret", 4);
        return new LogTestDirectory(root);
    }

    Path accessLog() {
        return root.resolve("var/log/access.log");
    }

    Path eventLog() {
        return root.resolve("var/log/event.log");
    }

    void register(DynamicPropertyRegistry registry) {
        registry.add("jope.store.url", () -> "jdbc:h2:file:" + root.resolve("var/data/jope"));
        registry.add("jope.security.inituser", () -> root.resolve("inituser").toString());
        registry.add("jope.log.access.file", () -> accessLog().toString());
        registry.add("jope.log.event.file", () -> eventLog().toString());
    }

}
