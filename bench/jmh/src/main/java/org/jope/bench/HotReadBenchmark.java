package org.jope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.jope.core.Jope;
import org.jope.core.JopeApplication;
import org.jope.core.config.JopeConfig;
import org.jope.core.publisher.Publisher;

/**
 * The publisher on a cache hit of "/", the seed's load test page, on the embedded store: a 200 with the listing, and
 * a 304 for a client that has it. Run with {@code -prof gc} for the bytes each request allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m" })
public class HotReadBenchmark {

    private Path directory;

    private JopeApplication application;

    private Publisher publisher;

    private HttpServletRequest root;

    private HttpServletRequest rootIfNoneMatch;

    private BenchExchange.Response response;

    @Setup(Level.Trial)
    public void start() throws IOException {
        directory = Files.createTempDirectory("jope-jmh");
        application = Jope.create(JopeConfig.builder()
                .storeUrl("jdbc:h2:file:" + directory.resolve("var/data/jope"))
                .initUser(directory.resolve("inituser")).build());
        publisher = application.publisher();
        root = BenchExchange.get("/", Map.of());
        response = BenchExchange.response();
        publisher.publish(root, response);
        if (response.status() != 200) {
            throw new IllegalStateException("GET / answered " + response.status());
        }
        String etag = etagOf(application);
        rootIfNoneMatch = BenchExchange.get("/", Map.of("If-None-Match", etag));
        publisher.publish(rootIfNoneMatch, response);
        if (response.status() != 304) {
            throw new IllegalStateException("GET / with If-None-Match " + etag + " answered " + response.status());
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        application.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
        }
    }

    @Benchmark
    public int root() throws IOException {
        publisher.publish(root, response);
        return response.status();
    }

    @Benchmark
    public int rootNotModified() throws IOException {
        publisher.publish(rootIfNoneMatch, response);
        return response.status();
    }

    /** The root folder's tag, as its default view sends it in quotes. */
    private static String etagOf(JopeApplication application) {
        try (var transaction = application.store().begin(null, true)) {
            return "\"" + transaction.root().etag() + "\"";
        }
    }

}
