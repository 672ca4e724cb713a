package org.jope.demo.console;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.Jope;
import org.jope.core.JopeApplication;
import org.jope.core.config.JopeConfig;
import org.jope.core.content.ChildEntry;
import org.jope.core.store.Transaction;
import org.jope.demo.testing.TestInstance;
import org.jope.demo.testing.TestInstance.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/jopectl run, Zope's bin/instance run, against the real jar: a script reads the site, commits to it, or throws;
 * and the extracted jar it runs from follows the jar that init ran from.
 */
class JopectlRunIT {

    @TempDir
    Path temp;

    private TestInstance instance;

    @BeforeEach
    void initInstance() throws Exception {
        instance = TestInstance.init(temp.resolve("site"));
    }

    @AfterEach
    void stopTheSite() throws Exception {
        instance.close();
    }

    @Test
    void aScriptReadsTheRootAndItsArguments() throws Exception {
        Path script = script("list.jsh", """
                System.out.println("title: " + root.title());
                for (ChildEntry child : root.children()) {
                    System.out.println("child: " + child.name());
                }
                System.out.println("args: " + String.join("|", args));
                """);

        Result run = instance.jopectl("run", script.toString(), "one", "two words");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.out()).isEqualTo("title: Jope\nchild: welcome\nargs: one|two words\n");
        assertThat(run.err()).contains("extracting jope-demo.jar into").doesNotContain("Exception");
    }

    @Test
    void theOperatorsOwnJvmOptionsComeLastAndWin() throws Exception {
        Path script = script("jvm.jsh", """
                System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                """);

        Result run = instance.jopectl(Map.of("JAVA_OPTS", "-Xmx200m -XX:+UseG1GC -XX:TieredStopAtLevel=4"), null,
                "run", script.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.out()).contains("-XX:TieredStopAtLevel=1, -Xmx200m, -XX:+UseG1GC, -XX:TieredStopAtLevel=4");
    }

    @Test
    void aPageCommittedOnAStoppedEmbeddedInstanceIsServedOnceItStarts() throws Exception {
        Path script = script("add.jsh", """
                commit(tx -> tx.createChild(tx.root(), "news", NewContent.page("News", "<p>From a script</p>"),
                        "/news"));
                System.out.println("children: " + root.children().stream().map(ChildEntry::name).toList());
                """);

        Result run = instance.jopectl("run", script.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.out()).contains("children: [welcome, news]");
        Result start = instance.jopectl("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(instance.get("/news").body()).contains("<p>From a script</p>");
        assertThat(instance.get("/").body()).contains("news");
    }

    @Test
    void aScriptThatThrowsExitsOneWithTheTraceAndCommitsNothing() throws Exception {
        Path script = script("fail.jsh", """
                System.out.println("before");

                commit(tx -> {
                    tx.createChild(tx.root(), "half", NewContent.page("Half", "<p>half</p>"), "/half");
                    throw new IllegalStateException("the import file ended early");
                });
                System.out.println("after");
                """);

        Result run = instance.jopectl("run", script.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("before\n");
        assertThat(run.err()).contains("Exception in " + script + " java.lang.IllegalStateException: the import file "
                + "ended early", "\tat lambda$do_it$$0 (" + script + ":5)", "\tat (" + script + ":3)",
                "\tat org.jope.core.store.TransactionBlock.commit(TransactionBlock.java:");
        assertThat(childrenInTheStore()).containsExactly("welcome");
    }

    @Test
    void aSnippetThatDoesNotCompileStopsTheScriptWithItsLine() throws Exception {
        Path script = script("typo.jsh", """
                System.out.println("first");
                System.out.println(roots.title());
                System.out.println("never");
                """);

        Result run = instance.jopectl("run", script.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("first\n");
        assertThat(run.err()).contains(script + ":2: error: cannot find symbol");
    }

    @Test
    void aJarReplacedByAnotherBuildIsExtractedAnewEvenWithTheSameSizeAndTime() throws Exception {
        Path jar = temp.resolve("jars/jope-demo.jar");
        Files.createDirectories(jar.getParent());
        Path first = build(temp.resolve("first.jar"), "build one");
        Path second = build(temp.resolve("second.jar"), "build two");
        assertThat(Files.size(first)).isEqualTo(Files.size(second));
        FileTime time = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Path script = script("build.jsh", """
                System.out.println(new String(ClassLoader.getSystemResourceAsStream("jope-build.txt").readAllBytes()));
                """);
        Map<String, String> environment = Map.of("JOPE_JAR", jar.toString());

        Files.copy(first, jar);
        Files.setLastModifiedTime(jar, time);
        Result one = instance.jopectl(environment, null, "run", script.toString());
        Files.copy(second, jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, time);
        Result two = instance.jopectl(environment, null, "run", script.toString());

        assertThat(one.exitCode()).as(one.output()).isZero();
        assertThat(one.out()).isEqualTo("build one\n");
        assertThat(two.exitCode()).as(two.output()).isZero();
        assertThat(two.out()).isEqualTo("build two\n");
        try (Stream<Path> copies = Files.list(instance.home().resolve("var/cache/jar"))) {
            assertThat(copies.filter(Files::isDirectory)).as("the copy of the replaced jar is gone").hasSize(1);
        }
    }

    private Path script(String name, String text) throws Exception {
        return Files.writeString(temp.resolve(name), text);
    }

    /** The root's children as the embedded store has them, read here, after the script's JVM has ended. */
    private List<String> childrenInTheStore() {
        JopeConfig config = JopeConfig.builder()
                .storeUrl("jdbc:h2:file:" + instance.home().resolve("var/data/jope"))
                .initUser(instance.home().resolve("inituser")).build();
        try (JopeApplication app = Jope.create(config); Transaction transaction = app.store().begin(null, true)) {
            return transaction.root().children().stream().map(ChildEntry::name).toList();
        }
    }

    /**
     * The demo jar with a marker in its application classes, stored uncompressed, so that two builds with markers of
     * one length are the same size: only their contents tell them apart.
     */
    private static Path build(Path target, String marker) throws Exception {
        try (ZipFile source = new ZipFile(TestInstance.jar().toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Enumeration<? extends ZipEntry> entries = source.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry);
                if (copy.getMethod() == ZipEntry.DEFLATED) {
                    copy.setCompressedSize(-1);
                }
                out.putNextEntry(copy);
                try (InputStream in = source.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            byte[] bytes = marker.getBytes(StandardCharsets.UTF_8);
            ZipEntry entry = new ZipEntry("BOOT-INF/classes/jope-build.txt");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
            entry.setTime(0);
            out.putNextEntry(entry);
            out.write(bytes);
            out.closeEntry();
        }
        return target;
    }

}
