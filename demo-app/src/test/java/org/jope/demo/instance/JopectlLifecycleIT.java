package org.jope.demo.instance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.security.InitUserFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/jopectl driving the real jar, as an operator would: init, start, status, stop. Runs in the integration-test
 * phase, after the jar is repackaged; the failsafe plugin passes its path as {@code jope.demo.jar}.
 */
class JopectlLifecycleIT {

    /** Generous for a JVM starting on a shared two-core machine; every wait below is bounded by it. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path temp;

    private Path jar;

    private Path home;

    @BeforeEach
    void initInstance() throws Exception {
        jar = Path.of(System.getProperty("jope.demo.jar", "target/jope-demo.jar")).toAbsolutePath();
        assertThat(jar).as("run mvn verify, which builds the jar first").isRegularFile();
        home = temp.resolve("site");
        Result init = run(List.of(JAVA.toString(), "-Xmx128m", "-jar", jar.toString(), "init", home.toString(), "-u",
                "admin:secret"), Map.of());
        assertThat(init.exitCode()).as(init.output()).isZero();
    }

    @AfterEach
    void killWhatIsLeft() throws Exception {
        Optional<ProcessHandle> site = sitePid().flatMap(ProcessHandle::of);
        if (site.isPresent()) {
            site.get().destroyForcibly();
            site.get().onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void startStatusStop() throws Exception {
        int port = freePort();
        Path config = home.resolve("config/application.yml");
        Files.writeString(config, Files.readString(config).replace("  port: 8080\n", "  port: " + port + "\n"));

        Result start = jopectl("start");

        assertThat(start.exitCode()).as(start.output()).isZero();
        long pid = sitePid().orElseThrow();
        assertThat(start.output()).contains("started, pid " + pid + ", http://127.0.0.1:" + port);
        assertThat(get("http://127.0.0.1:" + port + "/").statusCode()).isEqualTo(200);

        Result status = jopectl("status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("running, pid " + pid, "port " + port, "ready");

        Result stop = jopectl("stop");

        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(home.resolve("var/jope.pid")).doesNotExist();

        Result stopped = jopectl("status");

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(3);
        assertThat(stopped.output()).contains("not running");
    }

    @Test
    void addUserHashesThePasswordAndRefusesADuplicate() throws Exception {
        Result added = jopectl("adduser", "editor", "s3cret");

        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(InitUserFile.read(home.resolve("inituser")).verify("editor", "s3cret")).isTrue();
        assertThat(Files.readString(home.resolve("inituser"))).doesNotContain("s3cret");

        Result duplicate = jopectl("adduser", "admin", "other");

        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.output()).contains("User 'admin' is already in");
        assertThat(InitUserFile.read(home.resolve("inituser")).verify("admin", "secret")).isTrue();
    }

    @Test
    void theJarRefusesAnUnknownFlag() throws Exception {
        Result result = run(List.of(JAVA.toString(), "-Xmx64m", "-jar", jar.toString(), "-x"), Map.of());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("unknown option -x", "usage:");
    }

    private Result jopectl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jopectl").toString()));
        command.addAll(List.of(arguments));
        return run(command, Map.of("JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1", "JOPE_START_TIMEOUT", "150"));
    }

    private Result run(List<String> command, Map<String, String> environment) throws Exception {
        Path output = Files.createTempFile(temp, "output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within " + TIMEOUT + ":\n" + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output));
    }

    private Optional<Long> sitePid() throws IOException {
        Path pidFile = home.resolve("var/jope.pid");
        return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).strip()))
                : Optional.empty();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String output) {

    }

}
