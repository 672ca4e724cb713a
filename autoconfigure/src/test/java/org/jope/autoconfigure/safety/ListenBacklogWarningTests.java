package org.jope.autoconfigure.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ExtendWith(OutputCaptureExtension.class)
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

    @Test
    void aStartedSiteWhoseBacklogPassesTheMachinesCapWarnsOnce(CapturedOutput output) throws IOException {
        assumeTrue(Files.isReadable(ListenBacklogWarning.SOMAXCONN), "a Linux machine, whose cap can be read");
        // Not Files.readString, which reads only the first byte of a /proc file on JDK 17.
        int cap = Integer.parseInt(Files.readAllLines(ListenBacklogWarning.SOMAXCONN).get(0).trim());
        try (ConfigurableApplicationContext context = Sites.start("tomcat", new Class<?>[0],
                "jope.server.backlog=" + (cap + 1))) {
            assertThat(output.getAll().split("jope.server.backlog is " + (cap + 1), -1)).hasSize(2);
            assertThat(output).contains("WARN").contains("net.core.somaxconn = " + cap);
        }
    }

    @Test
    void aStartedSiteWithinTheMachinesCapIsQuiet(CapturedOutput output) throws IOException {
        assumeTrue(Files.isReadable(ListenBacklogWarning.SOMAXCONN), "a Linux machine, whose cap can be read");
        int cap = Integer.parseInt(Files.readAllLines(ListenBacklogWarning.SOMAXCONN).get(0).trim());
        try (ConfigurableApplicationContext context = Sites.start("tomcat", new Class<?>[0],
                "jope.server.backlog=" + cap)) {
            assertThat(output).doesNotContain("jope.server.backlog is");
        }
    }

}
