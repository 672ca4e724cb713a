package org.jope.core.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.config.JopeConfig;
import org.jope.core.content.ContentKind;
import org.jope.core.content.ContentObject;
import org.jope.core.content.Folder;
import org.jope.core.content.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folder's listing and its entity tag follow every commit, also when two transactions change the same folder's
 * listing at once, one by replacing a child and one by adding another, and commit in another order than they took
 * their ids: a transaction takes its id at its first write, so the one that commits last may carry the older id.
 */
class FolderTagTests {

    @TempDir
    Path directory;

    @Test
    void aChildAddedByAnOlderTransactionStillChangesTheTag() {
        try (ObjectStore store = ObjectStore.open(JopeConfig.builder()
                .storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope")).build())) {
            long welcome = root(store).child("welcome").oid();
            try (Transaction adding = store.begin("admin", false)) {
                // The older id: taken now, committed last.
                adding.createChild(adding.root(), "late", page("late"), "/late");
                try (Transaction replacing = store.begin("admin", false)) {
                    ContentObject page = replacing.load(welcome);
                    replacing.replace(replacing.root(), page, page("newer title"), "/welcome");
                    replacing.commit();
                }
                String between = root(store).etag();
                adding.commit();
                Folder after = root(store);
                assertThat(after.child("late")).isNotNull();
                assertThat(after.child("welcome").title()).as("the other commit's change is kept")
                        .isEqualTo("newer title");
                assertThat(after.etag()).as("the listing gained a child").isNotEqualTo(between);
            }
        }
    }

    @Test
    void replacingAChildWithAnOlderIdThanAnotherChildChangesTheTag() {
        try (ObjectStore store = ObjectStore.open(JopeConfig.builder()
                .storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope")).build())) {
            long welcome = root(store).child("welcome").oid();
            try (Transaction replacing = store.begin("admin", false)) {
                ContentObject page = replacing.load(welcome);
                replacing.replace(replacing.root(), page, page("renamed"), "/welcome");
                try (Transaction adding = store.begin("admin", false)) {
                    adding.createChild(adding.root(), "newer", page("newer"), "/newer");
                    adding.commit();
                }
                String between = root(store).etag();
                replacing.commit();
                Folder after = root(store);
                assertThat(after.child("welcome").title()).isEqualTo("renamed");
                assertThat(after.child("newer")).isNotNull();
                assertThat(after.etag()).as("the listing shows the new title").isNotEqualTo(between);
            }
        }
    }

    private static Folder root(ObjectStore store) {
        try (Transaction transaction = store.begin(null, true)) {
            return transaction.root();
        }
    }

    private static NewContent page(String title) {
        return new NewContent(ContentKind.PAGE, title, Page.PLAIN_TEXT, title.getBytes(StandardCharsets.UTF_8));
    }

}
