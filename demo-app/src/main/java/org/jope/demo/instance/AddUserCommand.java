package org.jope.demo.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.jope.core.security.InitUserFile;

/**
 * {@code adduser INITUSER_FILE NAME}: adds a manager with a hashed password, as bin/jopectl adduser does. The password
 * comes from the environment variable JOPE_PASSWORD when set, so that scripts need not put it on a command line where
 * ps shows it; otherwise it is asked twice at the terminal.
 */
public final class AddUserCommand implements InstanceCommand {

    public static final String NAME = "adduser";

    public static final String PASSWORD_VARIABLE = "JOPE_PASSWORD";

    static final String USAGE_LINE = "usage: java -jar jope-demo.jar adduser INITUSER_FILE NAME";

    private final Terminal terminal;

    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable, {@code System::getenv} outside tests */
    public AddUserCommand(Terminal terminal, UnaryOperator<String> environment) {
        this.terminal = terminal;
        this.environment = environment;
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 2 || arguments.stream().anyMatch((argument) -> argument.startsWith("-"))) {
            terminal.err().println(USAGE_LINE);
            return USAGE;
        }
        Path file = Path.of(arguments.get(0));
        String name = arguments.get(1);
        boolean taken;
        try {
            // Checked before the password is asked, so that nobody types one in vain.
            taken = InitUserFile.read(file).hasUser(name);
        }
        catch (UncheckedIOException ex) {
            terminal.err().println("adduser failed: " + ex.getCause());
            return FAILURE;
        }
        if (taken) {
            terminal.err().println("User '" + name + "' is already in " + file + "; it was left unchanged.");
            return FAILURE;
        }
        char[] password;
        try {
            password = password();
        }
        catch (UsageException ex) {
            terminal.err().println(ex.getMessage());
            return USAGE;
        }
        if (password == null) {
            terminal.err().println("The input ended before a password was given.");
            return FAILURE;
        }
        try {
            InitUsers.add(file, name, password);
        }
        catch (IllegalArgumentException ex) {
            terminal.err().println(ex.getMessage());
            return USAGE;
        }
        catch (IOException | UncheckedIOException ex) {
            terminal.err().println("adduser failed: " + ex);
            return FAILURE;
        }
        terminal.out().println("added " + name + " to " + file);
        return SUCCESS;
    }

    /** The new password, or null when the input ended before one was agreed. */
    private char[] password() throws UsageException {
        String fromEnvironment = environment.apply(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Optional<Prompter> prompter = terminal.interactive();
        if (prompter.isEmpty()) {
            throw new UsageException("No terminal to ask for the password: set " + PASSWORD_VARIABLE + ".");
        }
        return prompter.get().readNewPassword(terminal.err());
    }

}
