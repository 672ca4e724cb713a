package org.jope.demo.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.security.InitUserFile;

import static org.assertj.core.api.Assertions.assertThat;

class AddUserCommandTests {

    @TempDir
    Path temp;

    @Test
    void addsAHashThatTheCoreAccepts() throws IOException {
        Path initUser = temp.resolve("inituser");
        InitUserFile.addUser(initUser, "admin", "secret");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new AddUserCommand(console.terminal(), Map.of("JOPE_PASSWORD", "s3cret")::get)
                .run(List.of(initUser.toString(), "editor"));

        assertThat(exitCode).as(console.err()).isZero();
        InitUserFile users = InitUserFile.read(initUser);
        assertThat(users.verify("editor", "s3cret")).isTrue();
        assertThat(users.verify("admin", "secret")).isTrue();
        assertThat(Files.readString(initUser)).contains("editor:{bcrypt}$2").doesNotContain("s3cret");
    }

    @Test
    void refusesANameThatIsAlreadyThere() throws IOException {
        Path initUser = temp.resolve("inituser");
        InitUserFile.addUser(initUser, "admin", "secret");
        String before = Files.readString(initUser);

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new AddUserCommand(console.terminal(), Map.of("JOPE_PASSWORD", "other")::get)
                .run(List.of(initUser.toString(), "admin"));

        assertThat(exitCode).isEqualTo(1);
        assertThat(console.err()).contains("User 'admin' is already in " + initUser);
        assertThat(Files.readString(initUser)).isEqualTo(before);
        assertThat(InitUserFile.read(initUser).verify("admin", "secret")).isTrue();
    }

    @Test
    void atATerminalItAsksForThePasswordTwice() {
        Path initUser = temp.resolve("inituser");

        CapturedTerminal console = CapturedTerminal.answering("s3cret", "s3cret");
        int exitCode = new AddUserCommand(console.terminal(), Map.<String, String>of()::get)
                .run(List.of(initUser.toString(), "editor"));

        assertThat(exitCode).as(console.err()).isZero();
        assertThat(console.unusedAnswers()).isZero();
        assertThat(InitUserFile.read(initUser).verify("editor", "s3cret")).isTrue();
    }

    @Test
    void anEmptyPasswordIsAskedAgain() {
        Path initUser = temp.resolve("inituser");

        CapturedTerminal console = CapturedTerminal.answering("", "", "s3cret", "s3cret");
        int exitCode = new AddUserCommand(console.terminal(), Map.<String, String>of()::get)
                .run(List.of(initUser.toString(), "editor"));

        assertThat(exitCode).isZero();
        assertThat(console.err()).contains("must not be empty");
        assertThat(InitUserFile.read(initUser).verify("editor", "s3cret")).isTrue();
    }

    @Test
    void withoutPasswordOrTerminalItNamesTheVariable() {
        Path initUser = temp.resolve("inituser");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new AddUserCommand(console.terminal(), Map.<String, String>of()::get)
                .run(List.of(initUser.toString(), "editor"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(console.err()).contains("JOPE_PASSWORD");
        assertThat(initUser).doesNotExist();
    }

    @Test
    void aNameWithASpaceIsRefusedAndLeavesNoFile() {
        Path initUser = temp.resolve("inituser");

        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new AddUserCommand(console.terminal(), Map.of("JOPE_PASSWORD", "s3cret")::get)
                .run(List.of(initUser.toString(), "two words"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(initUser).doesNotExist();
    }

    @Test
    void wrongArgumentsPrintTheUsage() {
        CapturedTerminal console = CapturedTerminal.withoutConsole();
        int exitCode = new AddUserCommand(console.terminal(), Map.<String, String>of()::get).run(List.of("inituser"));

        assertThat(exitCode).isEqualTo(2);
        assertThat(console.err()).contains("usage: java -jar jope-demo.jar adduser INITUSER_FILE NAME");
    }

}
