package org.jope.demo.console;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;

import jdk.jshell.tool.JavaShellToolBuilder;

import org.jope.core.JopeApplication;
import org.jope.core.content.ChildEntry;
import org.jope.core.content.Folder;
import org.jope.core.store.StoreLocation;
import org.jope.demo.instance.InstanceCommand;
import org.jope.demo.instance.InstanceLayout;
import org.jope.demo.instance.Terminal;
import org.jope.demo.instance.UsageException;

/**
 * {@code debug}, which bin/jopectl debug runs in the instance directory: Zope's {@code bin/instance debug}. An
 * interactive JShell in this JVM, in which {@code app} is the site's application on its store, without a web server,
 * and {@code root} its root folder; {@code commit(tx -> ...)} writes. It prints what is bound before the prompt.
 */
public final class DebugCommand implements InstanceCommand {

    public static final String NAME = "debug";

    /** A folder's children beyond this many are counted in the banner, not named. */
    private static final int NAMED_CHILDREN = 10;

    private final Terminal terminal;

    private final InputStream in;

    /** @param in what the person types, or a pipe of snippets; {@code System.in} outside tests */
    public DebugCommand(Terminal terminal, InputStream in) {
        this.terminal = terminal;
        this.in = in;
    }

    @Override
    public int run(List<String> arguments) {
        ConsoleLogging.configure();
        if (!arguments.isEmpty()) {
            terminal.err().println("usage: bin/jopectl debug (it takes no arguments; bin/jopectl run SCRIPT runs one)");
            return USAGE;
        }
        String classPath;
        try {
            classPath = ConsoleClassPath.require(NAME);
        }
        catch (UsageException ex) {
            terminal.err().println(ex.getMessage());
            return USAGE;
        }
        InstanceLayout instance = InstanceLayout.current();
        JopeApplication app;
        try {
            app = InstanceApplication.open(instance, System.getenv(), System.getProperties());
        }
        catch (ConsoleRefusedException ex) {
            terminal.err().println("jopectl debug: " + ex.getMessage());
            return FAILURE;
        }
        try (app) {
            ConsoleSession session = ConsoleSession.open(app, System.getProperty("user.name") + " (jopectl debug)",
                    new String[0]);
            terminal.out().print(banner(instance, session));
            terminal.out().flush();
            return shell(classPath);
        }
        catch (Exception ex) {
            terminal.err().println("jopectl debug failed: " + ex);
            return FAILURE;
        }
    }

    /** The jshell tool itself, with its line editing, completion and /commands, running snippets in this JVM. */
    private int shell(String classPath) throws Exception {
        Path startup = Files.createTempFile("jope-console-", ".jsh");
        try {
            Files.writeString(startup, ConsoleStartup.text());
            // History and settings stay in memory: the operator's own jshell preferences neither apply nor change.
            return JavaShellToolBuilder.builder().in(in, null).out(terminal.out()).err(terminal.err())
                    .persistence(new HashMap<>())
                    .start("--execution", "local", "--class-path", classPath, "--startup", startup.toString());
        }
        finally {
            Files.deleteIfExists(startup);
        }
    }

    private static String banner(InstanceLayout instance, ConsoleSession session) {
        StoreLocation store = session.app().store().location();
        String where = store.databaseFile().map((file) -> "the embedded store " + file)
                .orElse("the " + store.kind() + " store, beside the running sites");
        Folder root = session.root();
        List<ChildEntry> children = root.children();
        String names = children.stream().limit(NAMED_CHILDREN).map(ChildEntry::name).collect(Collectors.joining(", "))
                + ((children.size() > NAMED_CHILDREN) ? ", ..." : "");
        return """
                Jope console for %s, on %s; no web server.
                  app                the JopeApplication, opened from config/application.yml
                  root               the root folder "%s", %d %s%s
                  commit(tx -> ...)  runs the block in one transaction and commits it; if it throws, nothing is written
                  sync()             reads root again, with what other processes have committed since
                Imported: org.jope.core.*, org.jope.core.content.*, org.jope.core.store.*. Only commit(...) writes.
                """.formatted(instance.home().toAbsolutePath(), where, root.title(), children.size(),
                (children.size() == 1) ? "child" : "children", children.isEmpty() ? "" : ": " + names);
    }

}
