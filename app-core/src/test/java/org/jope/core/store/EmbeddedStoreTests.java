package org.jope.core.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.config.JopeConfig;
import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store on real H2 files. */
class EmbeddedStoreTests {

    @TempDir
    Path directory;

    @Test
    void missingDirectoriesAreCreatedAndTheSiteSeeded() {
        Path data = directory.resolve("deep/var/data");
        assertThat(data).doesNotExist();
        try (ObjectStore store = ObjectStore.open(config(data.resolve("jope")))) {
            assertThat(data).isDirectory();
            try (Transaction transaction = store.begin(null, true)) {
                Folder root = transaction.root();
                assertThat(root.title()).isEqualTo("Jope");
                assertThat(root.children()).extracting("name").containsExactly("welcome");
            }
        }
    }

    @Test
    void contentSurvivesARestartOnTheSameFile() {
        Path file = directory.resolve("var/data/jope");
        try (ObjectStore store = ObjectStore.open(config(file))) {
            try (Transaction transaction = store.begin("admin", false)) {
                transaction.createChild(transaction.root(), "kept", new NewContent(ContentKind.PAGE, "Kept",
                        Page.PLAIN_TEXT, "still here".getBytes()), "/kept");
                transaction.commit();
            }
        }
        assertThat(Files.exists(directory.resolve("var/data/jope.mv.db"))).isTrue();
        try (ObjectStore store = ObjectStore.open(config(file));
                Transaction transaction = store.begin(null, true)) {
            Folder root = transaction.root();
            assertThat(root.children()).extracting("name").containsExactly("welcome", "kept");
            Page kept = (Page) transaction.load(root.child("kept").oid());
            assertThat(kept.body()).isEqualTo("still here");
        }
    }

    @Test
    void aWriteTimesWhatItWritesAndTheTimeSurvivesARestart() {
        Path file = directory.resolve("var/data/jope");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ContentObject written;
        Folder rootAfterWrite;
        try (ObjectStore store = ObjectStore.open(config(file))) {
            try (Transaction transaction = store.begin("admin", false)) {
                // The seed and this write may fall in one millisecond; the check below needs the clock past the seed.
                long seeded = transaction.load(transaction.root().child("welcome").oid()).modified();
                while (System.currentTimeMillis() <= seeded) {
                    Thread.onSpinWait();
                }
                transaction.createChild(transaction.root(), "timed", new NewContent(ContentKind.PAGE, "Timed",
                        Page.PLAIN_TEXT, "x".getBytes()), "/timed");
                transaction.commit();
            }
            try (Transaction transaction = store.begin(null, true)) {
                rootAfterWrite = transaction.root();
                written = transaction.load(rootAfterWrite.child("timed").oid());
            }
        }
        Instant writtenAt = Instant.ofEpochMilli(written.modified());
        assertThat(writtenAt).isBetween(before, Instant.now());
        assertThat(rootAfterWrite.modified()).as("the folder gained a child in the same transaction")
                .isEqualTo(written.modified());
        assertThat(rootAfterWrite.child("timed").modified()).isEqualTo(written.modified());
        try (ObjectStore store = ObjectStore.open(config(file));
                Transaction transaction = store.begin(null, true)) {
            Folder root = transaction.root();
            assertThat(root.modified()).isEqualTo(rootAfterWrite.modified());
            assertThat(transaction.load(root.child("timed").oid()).modified()).isEqualTo(written.modified());
            assertThat(transaction.load(root.child("welcome").oid()).modified()).isLessThan(written.modified());
        }
    }

    @Test
    void aStoreFromTheVersionBeforeModificationTimesIsUpgradedInPlace() throws Exception {
        Path file = directory.resolve("var/data/jope");
        EarlierStore.create("jdbc:h2:file:" + file, "", "", "BLOB");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (ObjectStore store = ObjectStore.open(config(file));
                Transaction transaction = store.begin(null, true)) {
            Folder root = transaction.root();
            Page old = (Page) transaction.load(root.child("old").oid());
            assertThat(old.body()).isEqualTo("old");
            assertThat(Instant.ofEpochMilli(old.modified())).as("the time of the upgrade")
                    .isBetween(before, Instant.now());
            assertThat(Instant.ofEpochMilli(root.modified())).isBetween(before, Instant.now());
        }
    }

    @Test
    void anUncommittedWriteLeavesNoTrace() {
        Path file = directory.resolve("var/data/jope");
        try (ObjectStore store = ObjectStore.open(config(file))) {
            try (Transaction transaction = store.begin("admin", false)) {
                transaction.createChild(transaction.root(), "draft", NewContent.folder("Draft"), "/draft");
            }
            try (Transaction transaction = store.begin(null, true)) {
                assertThat(transaction.root().child("draft")).isNull();
            }
        }
    }

    @Test
    void aStaleSerialIsAConflict() {
        try (ObjectStore store = ObjectStore.open(config(directory.resolve("var/data/jope")))) {
            Folder root;
            ContentObject staleWelcome;
            try (Transaction transaction = store.begin(null, true)) {
                root = transaction.root();
                staleWelcome = transaction.load(root.child("welcome").oid());
            }
            try (Transaction transaction = store.begin("admin", false)) {
                transaction.replace(root, staleWelcome, NewContent.page("First", "<p>first</p>"), "/welcome");
                transaction.commit();
            }
            try (Transaction transaction = store.begin("admin", false)) {
                assertThatThrownBy(() -> transaction.replace(root, staleWelcome,
                        NewContent.page("Second", "<p>second</p>"), "/welcome")).isInstanceOf(ConflictError.class)
                        .extracting("oid").isEqualTo(staleWelcome.oid());
            }
        }
    }

    @Test
    void childrenAddedToOneFolderByTwoTransactionsAreBothKept() {
        try (ObjectStore store = ObjectStore.open(config(directory.resolve("var/data/jope")))) {
            Folder staleRoot;
            try (Transaction transaction = store.begin(null, true)) {
                staleRoot = transaction.root();
            }
            long first;
            try (Transaction transaction = store.begin("admin", false)) {
                first = transaction.createChild(transaction.root(), "first", NewContent.folder("First"), "/first");
                transaction.commit();
            }
            long second;
            try (Transaction transaction = store.begin("admin", false)) {
                second = transaction.createChild(staleRoot, "second", NewContent.folder("Second"), "/second");
                transaction.commit();
            }
            try (Transaction transaction = store.begin(null, true)) {
                Folder root = transaction.root();
                assertThat(root.children()).extracting("name").containsExactly("welcome", "first", "second");
                assertThat(root.serial()).isGreaterThanOrEqualTo(Math.max(first, second));
            }
        }
    }

    @Test
    void aChildAddedToAFolderThatAnotherTransactionDeletedIsAConflict() {
        try (ObjectStore store = ObjectStore.open(config(directory.resolve("var/data/jope")))) {
            try (Transaction transaction = store.begin("admin", false)) {
                transaction.createChild(transaction.root(), "doomed", NewContent.folder("Doomed"), "/doomed");
                transaction.commit();
            }
            Folder staleRoot;
            Folder staleDoomed;
            try (Transaction transaction = store.begin(null, true)) {
                staleRoot = transaction.root();
                staleDoomed = (Folder) transaction.load(staleRoot.child("doomed").oid());
            }
            try (Transaction transaction = store.begin("admin", false)) {
                transaction.delete(staleRoot, staleDoomed, "/doomed");
                transaction.commit();
            }
            try (Transaction transaction = store.begin("admin", false)) {
                transaction.createChild(staleDoomed, "orphan", NewContent.page("Orphan", "<p>lost</p>"),
                        "/doomed/orphan");
                assertThatThrownBy(transaction::commit).isInstanceOf(ConflictError.class)
                        .extracting("oid").isEqualTo(staleDoomed.oid());
            }
            try (Transaction transaction = store.begin(null, true)) {
                assertThat(transaction.root().child("doomed")).isNull();
            }
        }
    }

    private static JopeConfig config(Path file) {
        return JopeConfig.builder().storeUrl("jdbc:h2:file:" + file).build();
    }

}
