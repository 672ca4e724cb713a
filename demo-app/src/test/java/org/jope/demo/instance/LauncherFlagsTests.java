package org.jope.demo.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.demo.JopeDemoApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LauncherFlagsTests {

    @Test
    void debugExceptionsFlagsTurnOnTheProperty() throws UsageException {
        assertThat(LauncherFlags.toSpringArguments(List.of("-e"))).containsExactly("--jope.debug-exceptions=true");
        assertThat(LauncherFlags.toSpringArguments(List.of("--debug-exceptions")))
                .containsExactly("--jope.debug-exceptions=true");
    }

    @Test
    void verboseAndQuietSetLoggingLevels() throws UsageException {
        assertThat(LauncherFlags.toSpringArguments(List.of("-v"))).containsExactly("--logging.level.org.jope=DEBUG");
        assertThat(LauncherFlags.toSpringArguments(List.of("-q"))).containsExactly("--logging.level.root=WARN",
                "--spring.main.banner-mode=off");
    }

    @Test
    void springBootArgumentsPassUnchanged() throws UsageException {
        assertThat(LauncherFlags.toSpringArguments(List.of("--server.port=0", "-e", "--spring.profiles.active=x")))
                .containsExactly("--server.port=0", "--jope.debug-exceptions=true", "--spring.profiles.active=x");
    }

    @Test
    void anUnknownShortFlagIsAUsageError() {
        assertThatExceptionOfType(UsageException.class).isThrownBy(() -> LauncherFlags.toSpringArguments(List.of("-x")))
                .withMessage("unknown option -x");
    }

    @Test
    void theMainClassExitsWithTwoAndTheUsageOnAnUnknownFlag(@TempDir Path temp)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = temp.resolve("output.txt");
        Process process = new ProcessBuilder(java.toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                JopeDemoApplication.class.getName(), "-x")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        process.destroyForcibly();
        String output = Files.readString(log);

        assertThat(exited).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("unknown option -x").contains("usage: java -jar jope-demo.jar [-e] [-v | -q]");
    }

}
