package org.jope.demo.instance;

import java.util.List;

/**
 * A command of the jar other than serving the site, such as {@code init}. It returns its exit code instead of
 * exiting, so that tests run it in-process; only {@code main} calls {@code System.exit}.
 */
public interface InstanceCommand {

    int SUCCESS = 0;

    int FAILURE = 1;

    /** A wrong command line, as mkwsgiinstance and the shell's own tools use it. */
    int USAGE = 2;

    /** Runs the command with the arguments that follow its name. */
    int run(List<String> arguments);

}
