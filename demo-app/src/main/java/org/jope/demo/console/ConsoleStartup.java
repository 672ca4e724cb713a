package org.jope.demo.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The snippets that bind {@code app}, {@code root}, {@code args}, {@code commit(...)} and {@code sync()} to the
 * {@link ConsoleSession}, with the imports that they and a session need: the same for the interactive console and
 * for a run script.
 */
final class ConsoleStartup {

    static final String NAME = "startup.jsh";

    private ConsoleStartup() {
    }

    static String text() {
        try (InputStream in = ConsoleStartup.class.getResourceAsStream(NAME)) {
            if (in == null) {
                throw new IllegalStateException("The console's " + NAME + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not read the console's " + NAME, ex);
        }
    }

}
