package org.jope.autoconfigure.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ListenBacklogWarningTests {

    @TempDir
    Path dir;

    @Test
    void aCapBelowTheBacklogIsWarnedWithBothFixes() throws IOException {
        Path somaxconn = Files.writeString(dir.resolve("somaxconn"), "128\n");

        assertThat(new ListenBacklogWarning(1024, somaxconn).message()).hasValueSatisfying((message) ->
                assertThat(message).contains("jope.server.backlog is 1024", "net.core.somaxconn = 128",
                        "sysctl -w net.core.somaxconn=1024", "set jope.server.backlog to 128"));
    }

    @Test
    void aCapAtOrAboveTheBacklogIsNotWarned() throws IOException {
        Path somaxconn = Files.writeString(dir.resolve("somaxconn"), "1024\n");

        assertThat(new ListenBacklogWarning(1024, somaxconn).message()).isEmpty();
    }

    @Test
    void aCapThatCannotBeReadIsNotWarned() throws IOException {
        assertThat(new ListenBacklogWarning(1024, dir.resolve("absent")).message()).isEmpty();
        Path garbled = Files.writeString(dir.resolve("garbled"), "many");
        assertThat(new ListenBacklogWarning(1024, garbled).message()).isEmpty();
    }

}
