package org.jope.autoconfigure.logging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** The lines of a log file that Logback writes on its own thread: read again until the awaited line is there. */
record FileLines(Path file) {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    List<String> await(Predicate<String> awaited) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (lines.stream().anyMatch(awaited)) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The awaited line is not in " + file + " after " + DEADLINE + ": " + lines);
            }
            Thread.sleep(10);
        }
    }

}
