package org.jope.demo.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import jdk.jshell.JShell;

import org.jope.core.JopeApplication;
import org.jope.demo.instance.InstanceCommand;
import org.jope.demo.instance.InstanceLayout;
import org.jope.demo.instance.Terminal;
import org.jope.demo.instance.UsageException;

/**
 * {@code run SCRIPT [ARGS...]}, which bin/jopectl run runs in the instance directory: Zope's
 * {@code bin/instance run script.py}. The script's Java snippets run with the console's names bound ({@code app},
 * {@code root}, {@code commit(...)}) and {@code args}, without a prompt, for migrations, repairs and cron. It exits
 * 0 when the script ends, 1 with the exception and its trace on stderr when a snippet throws or does not compile,
 * and whatever {@code /exit N} says. Only what the script committed is written.
 */
public final class RunCommand implements InstanceCommand {

    public static final String NAME = "run";

    static final String USAGE_LINE = "usage: bin/jopectl run SCRIPT [ARGS...]";

    private final Terminal terminal;

    public RunCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int run(List<String> arguments) {
        ConsoleLogging.configure();
        if (arguments.isEmpty() || arguments.get(0).startsWith("-")) {
            terminal.err().println(USAGE_LINE);
            return USAGE;
        }
        Path script = Path.of(arguments.get(0)).toAbsolutePath();
        String text;
        try {
            text = Files.readString(script, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException ex) {
            terminal.err().println("jopectl run: there is no script " + script);
            return USAGE;
        }
        catch (IOException ex) {
            terminal.err().println("jopectl run: could not read " + script + ": " + ex);
            return FAILURE;
        }
        String classPath;
        try {
            classPath = ConsoleClassPath.require(NAME);
        }
        catch (UsageException ex) {
            terminal.err().println(ex.getMessage());
            return USAGE;
        }
        try (JShell shell = JShell.builder().executionEngine("local").out(terminal.out()).err(terminal.err())
                .build()) {
            shell.addToClasspath(classPath);
            // The script is cut into snippets before the store opens, so that one that cannot run opens nothing.
            JShellScript parsed = JShellScript.parse(script.toString(), text, shell.sourceCodeAnalysis());
            JShellScript startup = JShellScript.parse(ConsoleStartup.NAME, ConsoleStartup.text(),
                    shell.sourceCodeAnalysis());
            JopeApplication app = InstanceApplication.open(InstanceLayout.current(), System.getenv(),
                    System.getProperties());
            try (app) {
                ConsoleSession.open(app, System.getProperty("user.name") + " (jopectl run " + script.getFileName()
                        + ")", arguments.subList(1, arguments.size()).toArray(String[]::new));
                SnippetRunner runner = new SnippetRunner(shell, terminal.err());
                int startupCode = runner.run(startup);
                return (startupCode != 0) ? startupCode : runner.run(parsed);
            }
        }
        catch (ScriptException ex) {
            terminal.err().println(ex.getMessage());
            return FAILURE;
        }
        catch (ConsoleRefusedException ex) {
            terminal.err().println("jopectl run: " + ex.getMessage());
            return FAILURE;
        }
        finally {
            terminal.out().flush();
        }
    }

}
