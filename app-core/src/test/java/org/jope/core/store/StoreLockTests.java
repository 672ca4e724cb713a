package org.jope.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.config.JopeConfig;
import org.jope.core.testing.ChildProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One process per embedded store: a real OS lock on a real file, tested across real processes. */
class StoreLockTests {

    @TempDir
    Path directory;

    @Test
    void secondProcessIsRefusedWithTheLockFileAndPid() throws Exception {
        try (ChildProcess holder = ChildProcess.startSite(directory)) {
            holder.awaitPort(Duration.ofSeconds(60));
            Path lockFile = directory.resolve("var/data/jope.lock");
            assertThat(Files.readString(lockFile).strip()).isEqualTo(Long.toString(holder.pid()));
            assertThatThrownBy(() -> ObjectStore.open(config()))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining(lockFile.toString())
                    .hasMessageContaining("process " + holder.pid());
        }
    }

    @Test
    void secondProcessStartingASiteFailsBeforeServing() throws Exception {
        try (ObjectStore store = ObjectStore.open(config());
                ChildProcess second = ChildProcess.startSite(directory)) {
            assertThat(second.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(second.output()).contains("Couldn't lock " + directory.resolve("var/data/jope.lock"))
                    .contains("process " + ProcessHandle.current().pid()).doesNotContain("PORT");
        }
    }

    @Test
    void secondStoreInTheSameProcessIsRefused() {
        try (ObjectStore first = ObjectStore.open(config())) {
            assertThatThrownBy(() -> ObjectStore.open(config())).isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("(this process)");
            try (Transaction transaction = first.begin(null, true)) {
                assertThat(transaction.root().title()).as("the first store still works").isEqualTo("Jope");
            }
        }
        try (ObjectStore again = ObjectStore.open(config())) {
            assertThat(again.location().shared()).isFalse();
        }
    }

    @Test
    void lockOfAKilledProcessDoesNotBlockTheNextStart() throws Exception {
        try (ChildProcess holder = ChildProcess.startSite(directory)) {
            holder.awaitPort(Duration.ofSeconds(60));
            holder.kill();
        }
        assertThat(directory.resolve("var/data/jope.lock")).exists();
        try (ObjectStore store = ObjectStore.open(config())) {
            assertThat(Files.readString(directory.resolve("var/data/jope.lock")).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void inMemoryAndSharedStoresTakeNoLock() {
        assertThat(StoreLocation.of("jdbc:h2:mem:x").lockFile()).isEmpty();
        assertThat(StoreLocation.of("jdbc:postgresql://127.0.0.1/jope").lockFile()).isEmpty();
    }

    private JopeConfig config() {
        return JopeConfig.builder().storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope")).build();
    }

}
