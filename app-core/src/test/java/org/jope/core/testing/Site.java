package org.jope.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.jope.core.Jope;
import org.jope.core.JopeApplication;
import org.jope.core.config.JopeConfig;
import org.jope.core.security.InitUserFile;

/**
 * A Jope site for a test: a real H2 file store in a temporary directory, a manager in its inituser, and the core
 * mounted on a plain Tomcat.
 */
public final class Site implements AutoCloseable {

    public static final String MANAGER = "admin";

    public static final String PASSWORD = "s3cret-pw";

    private final JopeApplication application;

    private final TomcatServer server;

    private Site(JopeApplication application, TomcatServer server) {
        this.application = application;
        this.server = server;
    }

    public static Site start(Path directory) throws Exception {
        return start(directory, UnaryOperator.identity());
    }

    public static Site start(Path directory, UnaryOperator<JopeConfig.Builder> settings) throws Exception {
        return start(directory, settings, 200);
    }

    /** @param workerThreads Tomcat's request threads, fewer than its default of 200 to show what holds them */
    public static Site start(Path directory, UnaryOperator<JopeConfig.Builder> settings, int workerThreads)
            throws Exception {
        Files.createDirectories(directory);
        Path inituser = directory.resolve("inituser");
        if (!InitUserFile.read(inituser).hasUser(MANAGER)) {
            // The lowest bcrypt cost keeps thousands of authenticated writes fast; the format is the same.
            InitUserFile.addUser(inituser, MANAGER, PASSWORD, 4);
        }
        JopeConfig config = settings.apply(JopeConfig.builder()
                .storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope"))
                .initUser(inituser)).build();
        JopeApplication application = Jope.create(config);
        return new Site(application, new TomcatServer(application.servlet(), directory.resolve("tomcat"),
                workerThreads));
    }

    public JopeApplication application() {
        return application;
    }

    public int port() {
        return server.port();
    }

    public Http anonymous() {
        return new Http(server.url());
    }

    public Http manager() {
        return new Http(server.url()).as(MANAGER, PASSWORD);
    }

    @Override
    public void close() throws Exception {
        server.close();
        application.close();
    }

}
