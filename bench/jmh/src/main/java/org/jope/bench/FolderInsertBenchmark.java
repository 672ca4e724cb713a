package org.jope.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.jope.core.config.JopeConfig;
import org.jope.core.content.ContentKind;
import org.jope.core.content.Folder;
import org.jope.core.store.NewContent;
import org.jope.core.store.ObjectStore;
import org.jope.core.store.Transaction;

/**
 * One child added to a folder, in one committed transaction on the embedded store: into a folder that starts each
 * iteration empty, and into one of 10,000 children. The two should cost about the same: a new version of a folder
 * shares its children with the old one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
public class FolderInsertBenchmark {

    @Param({ "0", "10000" })
    public int children;

    private Path directory;

    private ObjectStore store;

    private String folderName;

    private int folders;

    private long added;

    @Setup(Level.Trial)
    public void open() throws IOException {
        directory = Files.createTempDirectory("jope-jmh");
        store = ObjectStore.open(config());
        if (children > 0) {
            folderName = "big";
            try (Transaction transaction = store.begin("bench", false)) {
                transaction.createChild(transaction.root(), folderName, NewContent.folder("Big"), "/big");
                transaction.commit();
            }
            try (Transaction transaction = store.begin("bench", false)) {
                for (int i = 0; i < children; i++) {
                    transaction.createChild(folder(transaction), "c" + i, page(), "/big/c" + i);
                }
                transaction.commit();
            }
            // Read afresh from the database: what one transaction of 10,000 inserts leaves in the cache is not
            // what this benchmark is about.
            store.close();
            store = ObjectStore.open(config());
        }
    }

    /** An empty folder for each iteration of the small case, so that it stays near empty. */
    @Setup(Level.Iteration)
    public void emptyFolder() {
        if (children == 0) {
            folderName = "empty" + folders++;
            try (Transaction transaction = store.begin("bench", false)) {
                transaction.createChild(transaction.root(), folderName, NewContent.folder("Empty"), "/" + folderName);
                transaction.commit();
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
        }
    }

    @Benchmark
    public long addChild() {
        try (Transaction transaction = store.begin("bench", false)) {
            String name = "n" + added++;
            long oid = transaction.createChild(folder(transaction), name, page(), "/" + folderName + "/" + name);
            transaction.commit();
            return oid;
        }
    }

    private Folder folder(Transaction transaction) {
        return (Folder) transaction.load(transaction.root().child(folderName).oid());
    }

    private JopeConfig config() {
        return JopeConfig.builder().storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope")).build();
    }

    private static NewContent page() {
        return new NewContent(ContentKind.PAGE, "A page", "text/plain", "body".getBytes(StandardCharsets.UTF_8));
    }

}
