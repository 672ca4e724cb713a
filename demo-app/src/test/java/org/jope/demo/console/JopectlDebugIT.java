package org.jope.demo.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.demo.testing.TestInstance;
import org.jope.demo.testing.TestInstance.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/jopectl debug, Zope's bin/instance debug, against the real jar: the jshell tool fed from standard input, and
 * the refusal of an embedded store that the running site holds.
 */
class JopectlDebugIT {

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
    void snippetsFromStandardInputSeeTheBoundRootAndCanCommit() throws Exception {
        String input = """
                System.out.println("title=" + root.title());
                commit(tx -> tx.createChild(tx.root(), "news", NewContent.page("News", "<p>Typed</p>"), "/news"))
                System.out.println("children=" + root.children().stream().map(ChildEntry::name).toList());
                """;

        Result debug = instance.jopectl(Map.of(), input, "debug");

        assertThat(debug.exitCode()).as(debug.output()).isZero();
        assertThat(debug.out()).contains("Jope console for " + instance.home(),
                "root               the root folder \"Jope\", 1 child: welcome", "commit(tx -> ...)",
                "title=Jope", "children=[welcome, news]");
        Result listed = instance.jopectl(Map.of(), "System.out.println(\"now=\" + root.children().size());\n",
                "debug");
        assertThat(listed.out()).contains("now=2");
    }

    @Test
    void anEmbeddedStoreThatTheRunningSiteHoldsIsRefusedWithItsPid() throws Exception {
        Result start = instance.jopectl("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        long pid = instance.sitePid().orElseThrow();
        Path lock = instance.home().resolve("var/data/jope.lock");
        String lockBefore = Files.readString(lock);

        Result debug = instance.jopectl(Map.of(), "System.out.println(\"opened\");\n", "debug");

        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("The embedded store is in use by process " + pid, lock.toString(),
                "bin/jopectl stop", "jope.store.url: jdbc:postgresql://");
        assertThat(debug.out()).doesNotContain("opened").doesNotContain("jshell>");
        assertThat(Files.readString(lock)).isEqualTo(lockBefore);
        assertThat(instance.get("/").statusCode()).isEqualTo(200);
        assertThat(instance.put("/written", "text/plain", "after the refusal").statusCode()).isEqualTo(201);
        assertThat(instance.get("/written").body()).contains("after the refusal");
        // Still the site's lock: a second console is refused the same way.
        assertThat(instance.jopectl("run", Files.writeString(temp.resolve("noop.jsh"), "int x = 1;\n").toString())
                .err()).contains("in use by process " + pid);
        Result status = instance.jopectl("status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.out()).contains("running, pid " + pid);
    }

}
