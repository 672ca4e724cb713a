package org.jope.demo.instance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jope.core.security.InitUserFile;

/**
 * {@code init DIR [-u name:password]}, Zope's mkwsgiinstance: lays out an instance (config/application.yml, var/data,
 * var/log, inituser, bin/jopectl). It never overwrites a file, so that running it again over a working instance is
 * harmless, and it says which files it kept.
 */
public final class InitCommand implements InstanceCommand {

    public static final String NAME = "init";

    static final String USAGE_LINE = "usage: java -jar jope-demo.jar init DIR [-u name:password]";

    static final String MALFORMED_USER = "user must be specified as name:password";

    private final Terminal terminal;

    private final Optional<Path> jar;

    /**
     * @param jar the jar that bin/jopectl runs, written into the script; empty when it is not known, and the script
     * then asks for JOPE_JAR
     */
    public InitCommand(Terminal terminal, Optional<Path> jar) {
        this.terminal = terminal;
        this.jar = jar;
    }

    @Override
    public int run(List<String> arguments) {
        PrintStream err = terminal.err();
        Request request;
        try {
            request = Request.parse(arguments);
        }
        catch (UsageException ex) {
            err.println(ex.getMessage());
            err.println(USAGE_LINE);
            return USAGE;
        }
        InstanceLayout instance = new InstanceLayout(request.home().toAbsolutePath().normalize());
        // Everything is settled before anything is written, so that a refusal or an abandoned prompt leaves no
        // half-made instance behind.
        Path initUser = instance.initUser();
        if (Files.exists(initUser, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(initUser)) {
            wipe(request.user());
            err.println(initUser + " is not a file" + (Files.isDirectory(initUser) ? " but a directory" : "")
                    + ", so the site could not read its managers from it. Nothing was written. Move it away and run "
                    + "init again.");
            return FAILURE;
        }
        Credentials manager = null;
        if (Files.notExists(initUser)) {
            try {
                manager = (request.user() != null) ? request.user() : askForManager();
            }
            catch (UsageException ex) {
                err.println(ex.getMessage());
                return USAGE;
            }
            if (manager == null) {
                err.println("The input ended before a user and a password were given.");
                return FAILURE;
            }
        }
        else if (request.user() != null) {
            request.user().wipe();
            err.println("User '" + request.user().name() + "' was not added: " + initUser + " exists already, and "
                    + "init never changes an existing file. Nothing was written. To add the user to the instance, "
                    + "run: " + instance.controlScript() + " adduser " + request.user().name());
            return FAILURE;
        }
        try {
            Files.createDirectories(instance.home());
            if (manager != null) {
                InitUsers.add(initUser, manager.name(), manager.password());
                wrote(initUser);
            }
            else {
                kept(initUser);
            }
            writeFile(instance.config(), ConfigTemplate.render(JopePropertyMetadata.load(getClass().getClassLoader())),
                    false);
            writeFile(instance.controlScript(), ControlScript.render(jar), true);
            Files.createDirectories(instance.dataDirectory());
            Files.createDirectories(instance.logDirectory());
        }
        catch (IOException | RuntimeException ex) {
            err.println("init failed: " + ex);
            return FAILURE;
        }
        terminal.out().println("Instance ready in " + instance.home() + ". Start it with: "
                + instance.controlScript() + " start");
        if (jar.isEmpty()) {
            terminal.out().println("Not run from a jar: set JOPE_JAR to the path of jope-demo.jar for bin/jopectl.");
        }
        return SUCCESS;
    }

    /** mkwsgiinstance's questions: a user name, then the password twice. Null when the input ends first. */
    private Credentials askForManager() throws UsageException {
        Prompter prompter = terminal.interactive().orElseThrow(
                () -> new UsageException("No terminal to ask for the initial user: pass -u name:password."));
        terminal.out().println("Choose a user name and password for the initial manager of the new instance.");
        String name = prompter.readLine("Username: ");
        if (name == null) {
            return null;
        }
        if (name.isBlank()) {
            throw new UsageException("A user name is required.");
        }
        String stripped = name.strip();
        requireValidName(stripped);
        char[] password = prompter.readNewPassword(terminal.err());
        return (password != null) ? new Credentials(stripped, password) : null;
    }

    private static void requireValidName(String name) throws UsageException {
        try {
            InitUserFile.requireValidName(name);
        }
        catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
    }

    private static void wipe(Credentials user) {
        if (user != null) {
            user.wipe();
        }
    }

    private void writeFile(Path file, String content, boolean executable) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        }
        catch (FileAlreadyExistsException ex) {
            kept(file);
            return;
        }
        if (executable && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        wrote(file);
    }

    private void wrote(Path file) {
        terminal.out().println("wrote " + file);
    }

    private void kept(Path file) {
        terminal.out().println("kept " + file + " (it exists; init never overwrites a file)");
    }

    /** A manager to add; the password is a char array, so that it can be wiped once hashed. */
    private record Credentials(String name, char[] password) {

        void wipe() {
            Arrays.fill(password, '\0');
        }

    }

    /** The parsed command line: {@code user} is null without {@code -u}. */
    private record Request(Path home, Credentials user) {

        static Request parse(List<String> arguments) throws UsageException {
            Path home = null;
            Credentials user = null;
            for (int i = 0; i < arguments.size(); i++) {
                String argument = arguments.get(i);
                if (argument.equals("-u")) {
                    if (i + 1 == arguments.size()) {
                        throw new UsageException(MALFORMED_USER);
                    }
                    String spec = arguments.get(++i);
                    int colon = spec.indexOf(':');
                    if (colon <= 0 || colon == spec.length() - 1) {
                        throw new UsageException(MALFORMED_USER);
                    }
                    requireValidName(spec.substring(0, colon));
                    user = new Credentials(spec.substring(0, colon), spec.substring(colon + 1).toCharArray());
                }
                else if (argument.startsWith("-")) {
                    throw new UsageException("unknown option " + argument);
                }
                else if (home == null) {
                    home = Path.of(argument);
                }
                else {
                    throw new UsageException("one directory only, not also " + argument);
                }
            }
            if (home == null) {
                throw new UsageException("the instance directory is missing");
            }
            return new Request(home, user);
        }

    }

}
