package org.jope.autoconfigure.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import org.jope.autoconfigure.logging.CapturedEvents;
import org.jope.core.log.AccessLog;
import org.jope.testsite.RawHttp;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients against 4 workers, on each container, over raw sockets. Connections that declare a 100,000-byte body,
 * send 3 bytes and fall silent hold no worker: Tomcat and Jetty answer them and close the connection at once rather
 * than drain the rest behind a worker, Undertow reads their bodies on its I/O threads and closes them at the body
 * timeout; a
 * manager's upload that stalls is cut off after jope.server.body-timeout with 408; connections that drip a request
 * head one byte every 2 s hold no worker. Meanwhile a probe asks for /welcome once a second and must be answered 200
 * within a second each time. CI runs more slow connections than a laptop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlowClientContract {

    private static final boolean CI = "true".equals(System.getenv("CI"));

    private static final int THREADS = 4;

    private static final int SLOW_BODIES = CI ? 12 : 8;

    private static final int SLOW_HEADS = CI ? 60 : 20;

    private static final int PROBES = 5;

    private static final Duration PROBE_BOUND = Duration.ofSeconds(1);

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(4);

    private static final String MANAGER = "admin:pw";

    private ServletWebServerApplicationContext site;

    private int port;

    abstract String type();

    /**
     * Whether the container answers a request whose body has not arrived, and then closes the connection (Tomcat,
     * Jetty), or first reads the body without a worker, as waitress does, and answers 408 once the body timeout
     * passes without it (Undertow).
     */
    boolean answersBeforeTheBody() {
        return true;
    }

    @BeforeAll
    void start() throws IOException {
        site = Sites.startWithManager(type(), "jope.server.threads=" + THREADS,
                "jope.server.body-timeout=" + BODY_TIMEOUT.toMillis() + "ms");
        port = site.getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void slowBodiesHoldNoWorker() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            long sent = System.nanoTime();
            for (int i = 0; i < SLOW_BODIES; i++) {
                String request = (i % 2 == 0)
                        ? "PUT /slow" + i + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                        : "GET /welcome HTTP/1.1\r\nHost: x\r\n";
                Socket socket = connect(BODY_TIMEOUT.plusSeconds(10));
                slow.add(socket);
                RawHttp.write(socket, request + "Content-Length: 100000\r\n\r\nabc");
            }
            if (answersBeforeTheBody()) {
                for (int i = 0; i < SLOW_BODIES; i++) {
                    Socket socket = slow.get(i);
                    RawHttp.Response answer = RawHttp.Response.read(socket.getInputStream(), false);
                    assertThat(answer.status()).isEqualTo(i % 2 == 0 ? 401 : 200);
                    RawHttp.assertClosed(socket);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - sent))
                        .as("closed after their answers, not after the body timeout").isLessThan(BODY_TIMEOUT);
                probe();
            }
            else {
                probe();
                for (Socket socket : slow) {
                    assertThat(RawHttp.Response.read(socket.getInputStream(), false).status()).isEqualTo(408);
                    RawHttp.assertClosed(socket);
                }
            }
        }
        finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /**
     * More managers' uploads than workers, each stalled after its first bytes (one after 200 KB, past what Undertow
     * reads before a worker takes the request): a read and a manager's whole upload are still served at once, and
     * each stalled one ends at the body timeout with an access line that says 408.
     */
    @Test
    void managersStalledUploadsHoldNoWorker() throws Exception {
        // Once before, so that the login is checked and kept: that many first logins at once are past the bound on
        // password checks.
        assertThat(putWhole("/whole").status()).isEqualTo(201);
        List<Socket> stalled = new ArrayList<>();
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME)) {
            for (int i = 0; i < THREADS + 2; i++) {
                Socket socket = connect(BODY_TIMEOUT.plusSeconds(10));
                stalled.add(socket);
                byte[] started = new byte[i == 0 ? 200_000 : 3];
                Arrays.fill(started, (byte) 'a');
                RawHttp.write(socket, "PUT /held" + i + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                        + managersLogin() + "Content-Length: 1000000\r\n\r\n" + new String(started,
                                StandardCharsets.ISO_8859_1));
            }
            long start = System.nanoTime();
            assertThat(putWhole("/beside").status()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a whole upload beside the stalled ones")
                    .isLessThan(PROBE_BOUND);
            probe();
            for (int i = 0; i < stalled.size(); i++) {
                Socket socket = stalled.get(i);
                assertThat(RawHttp.Response.read(socket.getInputStream(), false).status()).isEqualTo(408);
                RawHttp.assertClosed(socket);
            }
            for (int i = 0; i < stalled.size(); i++) {
                String line = "\"PUT /held" + i + " HTTP/1.1\" 408 ";
                access.await((event) -> event.getFormattedMessage().contains(line), "an access line " + line);
            }
        }
        finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aManagersStalledUploadIsAnswered408AfterTheBodyTimeout() throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME);
                Socket socket = connect(BODY_TIMEOUT.plusSeconds(10))) {
            long start = System.nanoTime();
            RawHttp.write(socket, "PUT /stalled HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + managersLogin() + "Content-Length: 100000\r\n\r\nabc");
            RawHttp.Response answer = RawHttp.Response.read(socket.getInputStream(), false);
            assertThat(answer.status()).isEqualTo(408);
            // Jope's own answer, which Tomcat's error page would otherwise have been Boot's JSON.
            assertThat(answer.head()).doesNotContainIgnoringCase("application/json");
            assertThat(answer.bodyText()).contains("stopped arriving");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isGreaterThanOrEqualTo(BODY_TIMEOUT.minusMillis(100))
                    .isLessThan(BODY_TIMEOUT.plusSeconds(5));
            access.await((event) -> event.getFormattedMessage().contains("\"PUT /stalled HTTP/1.1\" 408 "),
                    "an access line for the stalled upload with 408");
            RawHttp.assertClosed(socket);
        }
        assertThat(RawHttp.send(port, "GET /stalled HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status())
                .as("nothing of the stalled upload was stored").isEqualTo(404);
    }

    @Test
    void requestHeadsDrippingOneByteEvery2sHoldNoWorker() throws Exception {
        byte[] head = "GET /welcome HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SLOW_HEADS; i++) {
                slow.add(connect(Duration.ofSeconds(10)));
            }
            int[] sent = { 0 };
            drip.scheduleAtFixedRate(() -> {
                int index = Math.min(sent[0]++, head.length - 1);
                for (Socket socket : slow) {
                    try {
                        socket.getOutputStream().write(head[index]);
                        socket.getOutputStream().flush();
                    }
                    catch (IOException closed) {
                        // a container may close a dripping connection; that is its right
                    }
                }
            }, 0, 2, TimeUnit.SECONDS);
            probe();
        }
        finally {
            drip.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** GET /welcome once a second: each must be 200 within the bound. */
    private void probe() throws Exception {
        long slowestNanos = 0;
        for (int i = 0; i < PROBES; i++) {
            long start = System.nanoTime();
            try (Socket socket = connect(PROBE_BOUND.plusSeconds(5))) {
                RawHttp.write(socket, "GET /welcome HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                RawHttp.Response response = RawHttp.Response.read(socket.getInputStream(), false);
                long took = System.nanoTime() - start;
                slowestNanos = Math.max(slowestNanos, took);
                assertThat(response.status()).isEqualTo(200);
                assertThat(Duration.ofNanos(took)).as("probe " + i).isLessThan(PROBE_BOUND);
            }
            long next = start + TimeUnit.SECONDS.toNanos(1);
            long rest = next - System.nanoTime();
            if (rest > 0) {
                // pacing the probe to once a second, not waiting for anything to happen
                TimeUnit.NANOSECONDS.sleep(rest);
            }
        }
        System.out.printf("slow clients on %s: slowest probe %d ms%n", type(), slowestNanos / 1_000_000);
    }

    private RawHttp.Response putWhole(String path) throws IOException {
        return RawHttp.send(port, "PUT " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                + managersLogin() + "Connection: close\r\nContent-Length: 5\r\n\r\nwhole");
    }

    private static String managersLogin() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(MANAGER.getBytes(StandardCharsets.UTF_8))
                + "\r\n";
    }

    private Socket connect(Duration readTimeout) throws IOException {
        return RawHttp.open(port, readTimeout);
    }



}
