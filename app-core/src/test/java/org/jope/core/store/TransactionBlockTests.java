package org.jope.core.store;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.config.JopeConfig;
import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A block in a transaction of its own, on a real H2 file: committed when it returns, aborted when it throws. */
class TransactionBlockTests {

    @TempDir
    Path directory;

    private ObjectStore store;

    @BeforeEach
    void open() {
        store = ObjectStore.open(JopeConfig.builder().storeUrl("jdbc:h2:file:" + directory.resolve("jope")).build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void whatTheBlockWritesIsCommittedAndLogged() throws Exception {
        TransactionBlock.commit(store, "migration", (tx) -> tx.createChild(tx.root(), "news",
                NewContent.page("News", "<p>Nothing yet.</p>"), "/news"));

        try (Transaction transaction = store.begin(null, true)) {
            Folder root = transaction.root();
            assertThat(root.children()).extracting("name").containsExactly("welcome", "news");
            Page news = (Page) transaction.load(root.child("news").oid());
            assertThat(news.title()).isEqualTo("News");
            assertThat(news.isHtml()).isTrue();
            assertThat(news.body()).isEqualTo("<p>Nothing yet.</p>");
        }
    }

    @Test
    void aBlockThatThrowsLeavesNothingBehind() {
        assertThatExceptionOfType(IOException.class).isThrownBy(() -> TransactionBlock.commit(store, "migration",
                (tx) -> {
                    tx.createChild(tx.root(), "half", NewContent.page("Half", "<p>half</p>"), "/half");
                    throw new IOException("the import file ended early");
                })).withMessage("the import file ended early");

        // A fresh store on the same file, so that neither cache nor connection can hide an uncommitted row.
        store.close();
        open();
        try (Transaction transaction = store.begin(null, true)) {
            assertThat(transaction.root().children()).extracting("name").containsExactly("welcome");
        }
    }

    @Test
    void aConflictWithAnotherTransactionCommitsNothing() throws Exception {
        assertThatExceptionOfType(ConflictError.class).isThrownBy(() -> TransactionBlock.commit(store, "a", (tx) -> {
            Folder root = tx.root();
            ContentObject welcome = tx.load(root.child("welcome").oid());
            tx.createChild(root, "second", NewContent.page("Second", "<p>2</p>"), "/second");
            TransactionBlock.commit(store, "b", (other) -> other.replace(other.root(), welcome,
                    NewContent.page("First", "<p>1</p>"), "/welcome"));
            tx.replace(root, welcome, NewContent.page("Mine", "<p>mine</p>"), "/welcome");
        }));

        try (Transaction transaction = store.begin(null, true)) {
            Folder root = transaction.root();
            assertThat(root.children()).extracting("name").as("the page a added is gone with it")
                    .containsExactly("welcome");
            assertThat(transaction.load(root.child("welcome").oid()).title()).isEqualTo("First");
        }
    }

}
