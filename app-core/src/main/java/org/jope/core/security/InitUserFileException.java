package org.jope.core.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The managers' file cannot be read: a directory stands where it should be, or the read itself failed. The message
 * names the path, since a site that cannot read it must not start as if it had no managers.
 */
public class InitUserFileException extends UncheckedIOException {

    private final Path path;

    public InitUserFileException(Path path, String problem, IOException cause) {
        super("The managers' file " + path.toAbsolutePath().normalize() + " " + problem, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }

}
