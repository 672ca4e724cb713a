package org.jope.demo.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import org.jope.core.security.InitUserFile;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTests {

    private static final Optional<Path> JAR = Optional.of(Path.of("/opt/jope/jope-demo.jar"));

    @TempDir
    Path temp;

    @Test
    void writesTheConfigWithEveryJopePropertyCommentedOut() throws IOException {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString(), "-u", "admin:secret"));

        assertThat(exitCode).as(console.err()).isZero();
        List<String> lines = Files.readAllLines(home.resolve("config/application.yml"));
        Map<String, String> defaults = JopeMetadataFixture.jopeDefaults();
        assertThat(defaults).isNotEmpty();
        for (String name : defaults.keySet()) {
            assertThat(lines).as(name).anyMatch((line) -> line.startsWith("#" + name + ":"));
        }
        assertThat(lines).noneMatch((line) -> line.startsWith("jope"));
        assertThat(load(String.join("\n", lines)))
                .containsOnly(Map.entry("server.address", "127.0.0.1"), Map.entry("server.port", "8080"));
    }

    @Test
    void uncommentingTheConfigGivesTheDefaults() throws IOException {
        Path home = temp.resolve("site");
        new InitCommand(CapturedTerminal.withoutConsole().terminal(), JAR)
                .run(List.of(home.toString(), "-u", "admin:secret"));

        String uncommented = Files.readString(home.resolve("config/application.yml")).replaceAll("(?m)^#jope\\.", "jope.");

        Map<String, String> loaded = load(uncommented);
        JopeMetadataFixture.jopeDefaults().forEach((name, defaultValue) -> {
            if (defaultValue != null) {
                assertThat(loaded).containsEntry(name, defaultValue);
            }
        });
    }

    @Test
    void writesTheLayoutAndAHashedInitUser() throws IOException {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString(), "-u", "admin:secret"));

        assertThat(exitCode).isZero();
        assertThat(home.resolve("var/data")).isDirectory();
        assertThat(home.resolve("var/log")).isDirectory();
        String initUser = Files.readString(home.resolve("inituser"));
        assertThat(initUser).startsWith("admin:{bcrypt}$2").doesNotContain("secret");
        assertThat(InitUserFile.read(home.resolve("inituser")).verify("admin", "secret")).isTrue();
        assertThat(Files.getPosixFilePermissions(home.resolve("inituser")))
                .containsOnly(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(console.out() + console.err()).doesNotContain("secret");
    }

    @Test
    void writesAnExecutableControlScriptThatRunsThisJar() throws IOException {
        Path home = temp.resolve("site");

        new InitCommand(CapturedTerminal.withoutConsole().terminal(), JAR)
                .run(List.of(home.toString(), "-u", "admin:secret"));

        Path script = home.resolve("bin/jopectl");
        assertThat(script).isExecutable();
        assertThat(Files.readString(script)).startsWith("#!/usr/bin/env bash")
                .contains("INIT_JAR='/opt/jope/jope-demo.jar'");
    }

    @Test
    void withoutAJarTheScriptIsLeftToJopeJar() throws IOException {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        new InitCommand(console.terminal(), Optional.empty()).run(List.of(home.toString(), "-u", "admin:secret"));

        assertThat(Files.readString(home.resolve("bin/jopectl"))).contains("INIT_JAR=''");
        assertThat(console.out()).contains("JOPE_JAR");
    }

    @Test
    void aSecondInitKeepsEveryFileAndSaysSo() throws IOException {
        Path home = temp.resolve("site");
        new InitCommand(CapturedTerminal.withoutConsole().terminal(), JAR)
                .run(List.of(home.toString(), "-u", "admin:secret"));
        List<Path> files = List.of(home.resolve("config/application.yml"), home.resolve("inituser"),
                home.resolve("bin/jopectl"));
        Map<Path, byte[]> before = new HashMap<>();
        for (Path file : files) {
            Files.write(file, "edited by hand\n".getBytes(StandardCharsets.UTF_8));
            before.put(file, Files.readAllBytes(file));
        }

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), Optional.of(Path.of("/elsewhere/jope-demo.jar")))
                .run(List.of(home.toString()));

        assertThat(exitCode).isZero();
        for (Path file : files) {
            assertThat(Files.readAllBytes(file)).as(file.toString()).isEqualTo(before.get(file));
            assertThat(console.out().lines()).as(file.toString())
                    .containsOnlyOnce("kept " + file + " (it exists; init never overwrites a file)");
        }
    }

    @Test
    void aUserForAnExistingInstanceIsNotAddedAndNothingIsWritten() throws IOException {
        Path home = temp.resolve("site");
        new InitCommand(CapturedTerminal.withoutConsole().terminal(), JAR)
                .run(List.of(home.toString(), "-u", "admin:secret"));
        Files.delete(home.resolve("config/application.yml"));
        byte[] managers = Files.readAllBytes(home.resolve("inituser"));

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString(), "-u", "other:pw"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(console.err()).contains("User 'other' was not added: " + home.resolve("inituser")
                + " exists already, and init never changes an existing file. Nothing was written.")
                .contains(home.resolve("bin/jopectl") + " adduser other").doesNotContain("pw");
        assertThat(Files.readAllBytes(home.resolve("inituser"))).isEqualTo(managers);
        assertThat(home.resolve("config/application.yml")).doesNotExist();
        assertThat(console.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ad min:pw", "ad\tmin:pw" })
    void aUserNameTheFileCannotHoldIsRefusedBeforeAnythingIsWritten(String user) {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString(), "-u", user));

        assertThat(exitCode).isEqualTo(2);
        assertThat(console.err()).contains("A user name must not be empty or contain ':' or spaces");
        assertThat(home).doesNotExist();
    }

    @Test
    void aDirectoryWhereTheManagersFileShouldBeIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path home = temp.resolve("site");
        Files.createDirectories(home.resolve("inituser"));

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString(), "-u", "admin:secret"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(console.err()).contains(home.resolve("inituser") + " is not a file but a directory")
                .contains("Nothing was written");
        try (var entries = Files.list(home)) {
            assertThat(entries).containsExactly(home.resolve("inituser"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "admin", ":secret", "admin:", ":" })
    void aMalformedUserExitsWithTwo(String user) {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString(), "-u", user));

        assertThat(exitCode).isEqualTo(2);
        assertThat(console.err()).contains("user must be specified as name:password");
        assertThat(home).doesNotExist();
    }

    @Test
    void aMissingUserAfterTheFlagExitsWithTwo() {
        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(temp.resolve("site").toString(), "-u"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(console.err()).contains("user must be specified as name:password");
    }

    @Test
    void withoutUserOrTerminalItAsksForTheFlag() {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString()));

        assertThat(exitCode).isEqualTo(2);
        assertThat(console.err()).contains("pass -u name:password");
        assertThat(home).doesNotExist();
    }

    @Test
    void atATerminalItAsksForTheUserAndThePasswordTwice() {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.answering("manager", "first", "typo", "s3cret", "s3cret");
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString()));

        assertThat(exitCode).as(console.err()).isZero();
        assertThat(console.unusedAnswers()).isZero();
        assertThat(console.err()).contains("Password mismatch");
        assertThat(InitUserFile.read(home.resolve("inituser")).verify("manager", "s3cret")).isTrue();
    }

    @Test
    void anEndedInputAtThePromptWritesNothing() {
        Path home = temp.resolve("site");

        CapturedTerminal console = CapturedTerminal.answering("manager", "s3cret");
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of(home.toString()));

        assertThat(exitCode).isEqualTo(1);
        assertThat(home).doesNotExist();
    }

    @Test
    void withoutADirectoryItPrintsTheUsage() {
        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new InitCommand(console.terminal(), JAR).run(List.of("-u", "admin:secret"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(console.err()).contains("usage: java -jar jope-demo.jar init DIR [-u name:password]");
    }

    /** The properties as Spring Boot reads them from YAML, values as text. */
    private static Map<String, String> load(String yaml) throws IOException {
        Map<String, String> properties = new HashMap<>();
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("config", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
        for (PropertySource<?> source : sources) {
            EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
            for (String name : enumerable.getPropertyNames()) {
                properties.put(name, String.valueOf(enumerable.getProperty(name)));
            }
        }
        return properties;
    }

}
