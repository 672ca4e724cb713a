package org.jope.demo.instance;

import java.util.ArrayList;
import java.util.List;

/**
 * runwsgi's flags for serving the site, turned into the Spring Boot arguments they stand for. Arguments that start
 * with {@code --} are Spring Boot's own and pass unchanged; any other single-dash flag is a mistake, not something to
 * ignore silently.
 */
public final class LauncherFlags {

    public static final String USAGE = """
            usage: java -jar jope-demo.jar [-e] [-v | -q] [--spring.property=value ...]
                   java -jar jope-demo.jar init DIR [-u name:password]
                   java -jar jope-demo.jar adduser INITUSER_FILE NAME
                   bin/jopectl debug | run SCRIPT [ARGS...]   (a console on the instance, from the extracted jar)
              -e, --debug-exceptions  let exceptions reach the container (jope.debug-exceptions=true, runwsgi -e)
              -v                      more logging: org.jope at DEBUG
              -q                      less logging: warnings and errors only, no banner
            """;

    private LauncherFlags() {
    }

    public static List<String> toSpringArguments(List<String> arguments) throws UsageException {
        List<String> springArguments = new ArrayList<>();
        for (String argument : arguments) {
            switch (argument) {
                case "-e", "--debug-exceptions" -> springArguments.add("--jope.debug-exceptions=true");
                case "-v" -> springArguments.add("--logging.level.org.jope=DEBUG");
                case "-q" -> {
                    springArguments.add("--logging.level.root=WARN");
                    springArguments.add("--spring.main.banner-mode=off");
                }
                default -> {
                    if (argument.startsWith("-") && !argument.startsWith("--")) {
                        throw new UsageException("unknown option " + argument);
                    }
                    springArguments.add(argument);
                }
            }
        }
        return springArguments;
    }

}
