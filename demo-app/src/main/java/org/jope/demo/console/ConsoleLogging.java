package org.jope.demo.console;

/**
 * The console's logging: warnings and errors on stderr, and nothing else, so that a run script's stdout carries only
 * what the script prints. Without it Logback, which Spring Boot would otherwise configure, logs everything at DEBUG.
 */
final class ConsoleLogging {

    private static final String CONFIGURATION_PROPERTY = "logback.configurationFile";

    private static final String CONFIGURATION = "org/jope/demo/console/logback-console.xml";

    private ConsoleLogging() {
    }

    /** Must run before the first logger is made; a configuration the user names with -D is kept. */
    static void configure() {
        if (System.getProperty(CONFIGURATION_PROPERTY) == null) {
            System.setProperty(CONFIGURATION_PROPERTY, CONFIGURATION);
        }
    }

}
