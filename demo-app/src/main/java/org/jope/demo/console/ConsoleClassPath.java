package org.jope.demo.console;

import org.jope.demo.instance.UsageException;

/**
 * The class path that JShell compiles the console's snippets against. JShell reads plain jars only, not the jars
 * nested in a Spring Boot fat jar, so the console runs from the jar that bin/jopectl extracts under var/cache: there
 * the application's classes and every library are on the JVM's own class path, where the snippets, run in this JVM,
 * find the same classes as the objects bound for them.
 */
final class ConsoleClassPath {

    private ConsoleClassPath() {
    }

    /** @throws UsageException when the console runs from the fat jar itself, where JShell could not compile */
    static String require(String command) throws UsageException {
        if (ConsoleClassPath.class.getClassLoader() != ClassLoader.getSystemClassLoader()) {
            throw new UsageException(command + " runs from the extracted jar, since JShell cannot read the jars "
                    + "nested in jope-demo.jar: use bin/jopectl " + command + ", which extracts it into var/cache.");
        }
        return System.getProperty("java.class.path");
    }

}
