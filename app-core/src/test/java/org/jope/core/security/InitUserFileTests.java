package org.jope.core.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The managers' file: a missing one has no users, one that cannot be read stops the start and says where, and a bad
 * line loses that line only. A running site reads the file again when it changes.
 */
class InitUserFileTests {

    @TempDir
    Path directory;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(InitUserFile.class)).addAppender(log);
        ((Logger) LoggerFactory.getLogger(ManagerFile.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(InitUserFile.class)).detachAppender(log);
        ((Logger) LoggerFactory.getLogger(ManagerFile.class)).detachAppender(log);
    }

    @Test
    void aMissingFileHasNoUsers() {
        assertThat(InitUserFile.read(directory.resolve("inituser")).isEmpty()).isTrue();
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsNamed() throws Exception {
        Path inituser = Files.createDirectory(directory.resolve("inituser"));

        assertThatExceptionOfType(InitUserFileException.class).isThrownBy(() -> InitUserFile.read(inituser))
                .withMessage("The managers' file " + inituser + " is a directory; it must be a file, one "
                        + "name:{bcrypt}hash a line")
                .satisfies((ex) -> assertThat(ex.path()).isEqualTo(inituser));
    }

    @Test
    void aBadLineIsSkippedWithAWarningThatNamesItsNumberAndTheOthersAreKept() throws Exception {
        Path inituser = directory.resolve("inituser");
        InitUserFile.addUser(inituser, "first", "pw-one", 4);
        String first = Files.readString(inituser).strip();
        String cutShort = first.replace("first:", "half:").substring(0, 30);
        Files.write(inituser, List.of(first, "no colon here", "", ":{bcrypt}nameless", "spaced name:" + first
                .substring(6), "plain:secret", cutShort, "first:{noop}again", first.replace("first:", "last:")));

        InitUserFile users = InitUserFile.read(inituser);

        assertThat(users.size()).isEqualTo(2);
        assertThat(users.verify("first", "pw-one")).isTrue();
        assertThat(users.verify("last", "pw-one")).isTrue();
        assertThat(log.list).allSatisfy((event) -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getThrowableProxy()).isNull();
            assertThat(event.getFormattedMessage()).doesNotContain(first.substring(20, 40))
                    .doesNotContain("secret");
        });
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(6)
                .satisfiesExactly(
                        (line) -> assertThat(line).startsWith("Line 2 of the managers' file " + inituser
                                + " was skipped: it is not name:{id}hash"),
                        (line) -> assertThat(line).startsWith("Line 4 of"),
                        (line) -> assertThat(line).startsWith("Line 5 of"),
                        (line) -> assertThat(line).startsWith("Line 6 of").contains("its hash is not {id}hash"),
                        (line) -> assertThat(line).startsWith("Line 7 of").contains("its hash is not {id}hash"),
                        (line) -> assertThat(line).startsWith("Line 8 of")
                                .endsWith("'first' is on an earlier line already, which is kept"));
    }

    @Test
    void aRunningSiteReadsTheFileAgainWhenItChanges() throws Exception {
        Path inituser = directory.resolve("inituser");
        InitUserFile.addUser(inituser, "first", "pw-one", 4);
        ManagerFile managers = new ManagerFile(inituser);
        InitUserFile before = managers.users();

        assertThat(managers.users()).isSameAs(before);
        InitUserFile.addUser(inituser, "second", "pw-two", 4);
        assertThat(managers.users().verify("second", "pw-two")).isTrue();
        assertThat(managers.users()).isSameAs(managers.users());

        Files.delete(inituser);
        assertThat(managers.users().isEmpty()).isTrue();
    }

    @Test
    void aFileThatBecomesUnreadableKeepsTheManagersReadBefore() throws Exception {
        Path inituser = directory.resolve("inituser");
        InitUserFile.addUser(inituser, "first", "pw-one", 4);
        ManagerFile managers = new ManagerFile(inituser);

        Files.delete(inituser);
        Files.createDirectory(inituser);

        assertThat(managers.users().verify("first", "pw-one")).isTrue();
        assertThat(managers.users().verify("first", "pw-one")).isTrue();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("The managers' file "
                + inituser + " is a directory; it must be a file, one name:{bcrypt}hash a line; the managers "
                + "read before are kept until it changes again");
    }

}
