package org.jope.demo;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import org.jope.demo.console.DebugCommand;
import org.jope.demo.console.RunCommand;
import org.jope.demo.instance.AddUserCommand;
import org.jope.demo.instance.ControlScript;
import org.jope.demo.instance.InitCommand;
import org.jope.demo.instance.InstanceCommand;
import org.jope.demo.instance.InstanceLayout;
import org.jope.demo.instance.LauncherFlags;
import org.jope.demo.instance.PidFile;
import org.jope.demo.instance.Terminal;
import org.jope.demo.instance.UsageException;

/** A site served by Jope: all it needs is the starter and a few lines of application.yml. */
@SpringBootApplication
public class JopeDemoApplication {

    /**
     * {@code init DIR} and {@code adduser FILE NAME} manage an instance and exit; {@code debug} and
     * {@code run SCRIPT} open the instance in the working directory for a console or a script, without serving it;
     * anything else serves the site from the working directory, after the launcher flags ({@code -e}, {@code -v},
     * {@code -q}) are turned into properties.
     */
    public static void main(String[] args) {
        Terminal terminal = Terminal.system();
        List<String> arguments = List.of(args);
        String first = arguments.isEmpty() ? "" : arguments.get(0);
        List<String> rest = arguments.isEmpty() ? arguments : arguments.subList(1, arguments.size());
        switch (first) {
            case InitCommand.NAME -> System.exit(new InitCommand(terminal,
                    ControlScript.jarOf(JopeDemoApplication.class)).run(rest));
            case AddUserCommand.NAME -> System.exit(new AddUserCommand(terminal, System::getenv).run(rest));
            case DebugCommand.NAME -> System.exit(new DebugCommand(terminal, System.in).run(rest));
            case RunCommand.NAME -> System.exit(new RunCommand(terminal).run(rest));
            default -> {
                List<String> springArguments;
                try {
                    springArguments = LauncherFlags.toSpringArguments(arguments);
                }
                catch (UsageException ex) {
                    terminal.err().println(ex.getMessage());
                    terminal.err().print(LauncherFlags.USAGE);
                    System.exit(InstanceCommand.USAGE);
                    return;
                }
                SpringApplication application = new SpringApplication(JopeDemoApplication.class);
                application.addListeners(new PidFile(InstanceLayout.current().pidFile()));
                application.run(springArguments.toArray(String[]::new));
            }
        }
    }

}
