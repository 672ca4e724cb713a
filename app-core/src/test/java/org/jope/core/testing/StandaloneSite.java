package org.jope.core.testing;

import java.nio.file.Path;

/**
 * A site in a process of its own, for the tests that kill a process or start a second one: it serves the store in
 * the given directory and prints "PORT n" once it answers.
 */
public final class StandaloneSite {

    private StandaloneSite() {
    }

    public static void main(String[] args) throws Exception {
        Site site = Site.start(Path.of(args[0]));
        System.out.println("PORT " + site.port());
        System.out.flush();
        Thread.currentThread().join();
    }

}
