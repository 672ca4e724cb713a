package org.jope.demo.instance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.security.InitUserFile;
import org.jope.demo.testing.StrangerJvm;
import org.jope.demo.testing.TestInstance;
import org.jope.demo.testing.TestInstance.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/jopectl driving the real jar, as an operator would: init, start, status, stop, adduser; a stale pid file that
 * names another JVM; and the init commands that must refuse before they write. Runs in the integration-test phase,
 * after the jar is repackaged.
 */
class JopectlLifecycleIT {

    @TempDir
    Path temp;

    private TestInstance instance;

    private Process stranger;

    @BeforeEach
    void initInstance() throws Exception {
        instance = TestInstance.init(temp.resolve("site"));
    }

    @AfterEach
    void killWhatIsLeft() throws Exception {
        instance.close();
        if (stranger != null) {
            stranger.destroyForcibly().waitFor(TestInstance.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void startStatusStop() throws Exception {
        Result start = instance.jopectl("start");

        assertThat(start.exitCode()).as(start.output()).isZero();
        long pid = instance.sitePid().orElseThrow();
        assertThat(start.output()).contains("started, pid " + pid + ", http://127.0.0.1:" + instance.port());
        assertThat(instance.get("/").statusCode()).isEqualTo(200);

        Result status = instance.jopectl("status");

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("running, pid " + pid, "port " + instance.port(), "ready");

        Result stop = instance.jopectl("stop");

        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(instance.home().resolve("var/jope.pid")).doesNotExist();

        Result stopped = instance.jopectl("status");

        assertThat(stopped.exitCode()).as(stopped.output()).isEqualTo(3);
        assertThat(stopped.output()).contains("not running");
    }

    @Test
    void aStalePidFileNamingAnotherJvmIsNeitherReportedAsTheSiteNorSignalled() throws Exception {
        stranger = new ProcessBuilder(TestInstance.JAVA.toString(), "-Xmx32m", "-cp",
                System.getProperty("java.class.path"), StrangerJvm.class.getName()).start();
        Path pidFile = instance.home().resolve("var/jope.pid");
        Files.writeString(pidFile, stranger.pid() + "\n");

        Result status = instance.jopectl("status");

        assertThat(status.exitCode()).as(status.output()).isEqualTo(1);
        assertThat(status.output()).contains("not running", "pid " + stranger.pid() + " is another program");

        Result stop = instance.jopectl("stop");

        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("not running; removed the stale");
        assertThat(stranger.isAlive()).isTrue();
        assertThat(pidFile).doesNotExist();

        Files.writeString(pidFile, stranger.pid() + "\n");

        Result start = instance.jopectl("start");

        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).doesNotContain("already running");
        long site = instance.sitePid().orElseThrow();
        assertThat(site).isNotEqualTo(stranger.pid());
        assertThat(instance.get("/").statusCode()).isEqualTo(200);

        Result stopSite = instance.jopectl("stop");

        assertThat(stopSite.exitCode()).as(stopSite.output()).isZero();
        assertThat(ProcessHandle.of(site).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(stranger.isAlive()).isTrue();
    }

    @Test
    void addUserHashesThePasswordAndRefusesADuplicate() throws Exception {
        Result added = instance.jopectl("adduser", "editor", "s3cret");

        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(InitUserFile.read(instance.home().resolve("inituser")).verify("editor", "s3cret")).isTrue();
        assertThat(Files.readString(instance.home().resolve("inituser"))).doesNotContain("s3cret");

        Result duplicate = instance.jopectl("adduser", "admin", "other");

        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.output()).contains("User 'admin' is already in");
        assertThat(InitUserFile.read(instance.home().resolve("inituser")).verify("admin", "secret")).isTrue();
    }

    @Test
    void initWithAUserOnAnExistingInstanceAddsNoUserAndWritesNothing() throws Exception {
        Files.delete(instance.home().resolve("bin/jopectl"));
        Map<Path, byte[]> before = files(instance.home());

        Result init = init(instance.home(), "-u", "other:pw");

        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err()).contains("User 'other' was not added", "init never changes an existing file",
                "bin/jopectl adduser other");
        assertThat(files(instance.home())).containsOnlyKeys(before.keySet());
        before.forEach((file, bytes) -> assertThat(file).hasBinaryContent(bytes));
    }

    @Test
    void initWithAUserNameTheFileCannotHoldWritesNothing() throws Exception {
        Path home = temp.resolve("other");

        Result init = init(home, "-u", "ad min:pw");

        assertThat(init.exitCode()).isEqualTo(2);
        assertThat(init.err()).contains("A user name must not be empty or contain ':' or spaces: 'ad min'");
        assertThat(home).doesNotExist();
    }

    @Test
    void initOverADirectoryNamedInituserWritesNothing() throws Exception {
        Path home = temp.resolve("other");
        Files.createDirectories(home.resolve("inituser"));

        Result init = init(home, "-u", "admin:secret");

        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err()).contains(home.resolve("inituser") + " is not a file but a directory",
                "Nothing was written");
        assertThat(files(home)).isEmpty();
        try (Stream<Path> entries = Files.list(home)) {
            assertThat(entries).containsExactly(home.resolve("inituser"));
        }
    }

    @Test
    void theJarRefusesAnUnknownFlag() throws Exception {
        Result result = TestInstance.run(List.of(TestInstance.JAVA.toString(), "-Xmx64m", "-jar",
                TestInstance.jar().toString(), "-x"), Map.of(), null, temp);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("unknown option -x", "usage:");
    }

    private Result init(Path home, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(TestInstance.JAVA.toString(), "-Xmx128m", "-jar",
                TestInstance.jar().toString(), "init", home.toString()));
        command.addAll(List.of(arguments));
        return TestInstance.run(command, Map.of(), null, temp);
    }

    /** Every regular file below {@code directory}, with its bytes. */
    private static Map<Path, byte[]> files(Path directory) throws Exception {
        Map<Path, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        }
        return files;
    }

}
