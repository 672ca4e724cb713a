package org.jope.demo.instance;

import java.nio.file.Path;

/**
 * Where things live in an instance directory, as mkwsgiinstance lays one out. The site is started in this directory,
 * so that Spring Boot finds {@code config/application.yml} and the demo's relative defaults ({@code ./var/data/jope},
 * {@code ./inituser}) land here. bin/jopectl repeats these paths.
 */
public record InstanceLayout(Path home) {

    /** The instance the process was started in: its working directory. */
    public static InstanceLayout current() {
        return new InstanceLayout(Path.of(""));
    }

    public Path config() {
        return home.resolve("config").resolve("application.yml");
    }

    public Path dataDirectory() {
        return home.resolve("var").resolve("data");
    }

    public Path logDirectory() {
        return home.resolve("var").resolve("log");
    }

    public Path initUser() {
        return home.resolve("inituser");
    }

    public Path controlScript() {
        return home.resolve("bin").resolve("jopectl");
    }

    public Path pidFile() {
        return home.resolve("var").resolve("jope.pid");
    }

}
