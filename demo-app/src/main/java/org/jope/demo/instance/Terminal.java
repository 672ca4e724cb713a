package org.jope.demo.instance;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Where a command writes, and whom it may ask. {@code prompter} is null without a terminal (a pipe, a service), so
 * that a command never waits for input that cannot come.
 */
public record Terminal(PrintStream out, PrintStream err, Prompter prompter) {

    public static Terminal system() {
        return new Terminal(System.out, System.err,
                (System.console() != null) ? Prompter.of(System.console()) : null);
    }

    public Optional<Prompter> interactive() {
        return Optional.ofNullable(prompter);
    }

}
