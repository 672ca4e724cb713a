package org.jope.demo.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance made by the real jar's {@code init}, on a free port, driven through its bin/jopectl as an operator
 * would drive it. Closing it kills a site that a test left running. The failsafe plugin passes the jar's path as
 * {@code jope.demo.jar}.
 */
public final class TestInstance implements AutoCloseable {

    /** Generous for a JVM starting on a shared two-core machine; every wait is bounded by it. */
    public static final Duration TIMEOUT = Duration.ofMinutes(3);

    public static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Path home;

    private final int port;

    private TestInstance(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** The jar that {@code mvn verify} built. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("jope.demo.jar", "target/jope-demo.jar")).toAbsolutePath();
        assertThat(jar).as("run mvn verify, which builds the jar first").isRegularFile();
        return jar;
    }

    /** {@code java -jar jope-demo.jar init HOME -u admin:secret}, then a free port in its config. */
    public static TestInstance init(Path home) throws Exception {
        Result init = run(List.of(JAVA.toString(), "-Xmx128m", "-jar", jar().toString(), "init", home.toString(), "-u",
                "admin:secret"), Map.of(), null, home.getParent());
        assertThat(init.exitCode()).as(init.output()).isZero();
        int port = freePort();
        Path config = home.resolve("config/application.yml");
        Files.writeString(config, Files.readString(config).replace("  port: 8080\n", "  port: " + port + "\n"));
        return new TestInstance(home, port);
    }

    public Path home() {
        return home;
    }

    public int port() {
        return port;
    }

    /** Adds YAML at the end of config/application.yml. */
    public void configure(String yaml) throws IOException {
        Files.writeString(home.resolve("config/application.yml"), yaml, StandardOpenOption.APPEND);
    }

    public Result jopectl(String... arguments) throws Exception {
        return jopectl(Map.of(), null, arguments);
    }

    /**
     * @param environment added to the script's environment
     * @param input the script's standard input, or null for none (/dev/null)
     */
    public Result jopectl(Map<String, String> environment, String input, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jopectl").toString()));
        command.addAll(List.of(arguments));
        Map<String, String> all = new HashMap<>(Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS",
                "-Xmx256m -XX:TieredStopAtLevel=1", "JOPE_START_TIMEOUT", "150"));
        all.putAll(environment);
        return run(command, all, input, home.getParent());
    }

    /** jopectl as a process of its own, for verbs that stay in the foreground; its output goes to {@code log}. */
    public Process startJopectl(Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jopectl").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS",
                "-Xmx256m -XX:TieredStopAtLevel=1"));
        return builder.start();
    }

    public Optional<Long> sitePid() throws IOException {
        Path pidFile = home.resolve("var/jope.pid");
        return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip()))
                : Optional.empty();
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A PUT as the manager that init added. */
    public HttpResponse<String> put(String path, String contentType, String body) throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString("admin:secret".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the site answers "/", within the timeout: a JVM takes seconds to start. */
    public HttpResponse<String> awaitAnswer(Process process) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                return get("/");
            }
            catch (IOException notYet) {
                assertThat(process.isAlive()).as("the process ended before the site answered").isTrue();
                assertThat(System.nanoTime()).as("the site answered within " + TIMEOUT).isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
    }

    @Override
    public void close() throws Exception {
        Optional<ProcessHandle> site = sitePid().flatMap(ProcessHandle::of);
        if (site.isPresent() && site.get().isAlive()) {
            site.get().destroyForcibly();
            site.get().onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Runs a command to its end, its stdout and stderr kept apart (in files, so that no pipe fills up). */
    public static Result run(List<String> command, Map<String, String> environment, String input, Path directory)
            throws Exception {
        Path out = Files.createTempFile("stdout", ".txt");
        Path err = Files.createTempFile("stderr", ".txt");
        Path in = Files.createTempFile("stdin", ".txt");
        try {
            Files.writeString(in, (input != null) ? input : "", StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(in.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(command + " did not end within " + TIMEOUT + ":\n" + Files.readString(out)
                        + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            Files.deleteIfExists(in);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A command's exit code and its output, stdout and stderr apart. */
    public record Result(int exitCode, String out, String err) {

        /** Both streams, for messages and for assertions that do not care which. */
        public String output() {
            return out + err;
        }

    }

}
