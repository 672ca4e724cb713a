package org.jope.autoconfigure.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import org.jope.autoconfigure.logging.CapturedEvents;
import org.jope.core.JopeApplication;
import org.jope.core.http.BodyMemory;
import org.jope.core.log.AccessLog;
import org.jope.testsite.RawHttp;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads against a request-body memory of 3 MiB, on each container, over raw sockets: what the heap may not hold is
 * refused before it is read, and what it may is stored and reads back whole. The budget stands in for a small heap,
 * so that no test JVM needs a large one; the default budget is a share of -Xmx, measured in the README (Safety).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LargeUploadContract {

    /** Above Undertow's own default entity limit of 2 MiB, which Jope lifts so that its own limit is the one. */
    private static final int BUDGET = 3 << 20;

    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(20);

    /** Well below the body timeout: an answer within it came before the body, which never came. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    private static final String AUTHORIZATION = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8)) + "\r\n";

    private ServletWebServerApplicationContext site;

    private BodyMemory memory;

    private int port;

    abstract String type();

    /**
     * Whether the container reads a small body whole before it hands the request to a worker (Undertow, as waitress
     * does), so that a request that declares one must send it to be answered at all.
     */
    boolean buffersSmallBodiesBeforeDispatch() {
        return false;
    }

    /**
     * Whether a body takes its share of the budget as its bytes arrive (Jetty, which reads a body before the login is
     * checked), rather than whole as declared once the login is checked.
     */
    boolean takesTheBudgetAsBytesArrive() {
        return false;
    }

    @BeforeAll
    void start() throws IOException {
        site = Sites.startWithManager(type(), "jope.server.request-body-memory=" + BUDGET + "B",
                "jope.server.body-timeout=" + BODY_TIMEOUT.toMillis() + "ms");
        port = site.getWebServer().getPort();
        memory = site.getBean(JopeApplication.class).publisher().bodyMemory();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void aDeclaredBodyOverTheLimitIsAnswered413BeforeAByteOfItIsSent() throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME); Socket socket = connect()) {
            long start = System.nanoTime();
            RawHttp.write(socket, put("/over", "Content-Length: " + (BUDGET + 1)));

            RawHttp.Response answer = RawHttp.Response.read(socket.getInputStream(), false);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.bodyText()).contains("larger than the limit of " + BUDGET + " bytes")
                    .contains("jope.server.request-body-memory").contains("jope.server.max-request-body-size");
            RawHttp.assertClosed(socket);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
            access.await((event) -> event.getFormattedMessage().contains("\"PUT /over HTTP/1.1\" 413 "),
                    "an access line for the refused upload with 413");
        }
        assertThat(get("/over").status()).as("nothing was stored").isEqualTo(404);
    }

    /**
     * A client that waits for 100 Continue before it sends its body (curl does for a large one) is refused without
     * it, so that it never uploads what will be thrown away: over the limit, or without a login. A manager's upload
     * within the limit gets its 100 and is stored.
     */
    @Test
    void aClientWaitingFor100ContinueIsRefusedWithoutIt() throws Exception {
        String expect = "\r\nExpect: 100-continue";
        try (Socket over = connect()) {
            RawHttp.write(over, put("/expect-over", "Content-Length: " + (BUDGET + 1) + expect));
            assertThat(RawHttp.Response.read(over.getInputStream(), false).status()).isEqualTo(413);
        }
        try (Socket anonymous = connect()) {
            RawHttp.write(anonymous, put("/expect-anonymous", "Content-Length: 5" + expect)
                    .replace(AUTHORIZATION, ""));
            assertThat(RawHttp.Response.read(anonymous.getInputStream(), false).status()).isEqualTo(401);
        }
        try (Socket manager = connect()) {
            RawHttp.write(manager, put("/expect-within", "Content-Length: 5" + expect));
            assertThat(RawHttp.Response.read(manager.getInputStream(), false).status()).isEqualTo(100);
            RawHttp.write(manager, "hello");
            assertThat(RawHttp.Response.read(manager.getInputStream(), false).status()).isEqualTo(201);
        }
        assertThat(get("/expect-over").status()).isEqualTo(404);
        assertThat(get("/expect-within").bodyText()).isEqualTo("hello");
    }

    @Test
    void aBodyOfExactlyTheLimitIsStoredAndReadsBackWhole() throws Exception {
        byte[] body = new byte[BUDGET];
        new Random(14).nextBytes(body);
        try (Socket socket = connect()) {
            RawHttp.write(socket, put("/whole", "Content-Length: " + body.length));
            RawHttp.write(socket, body);

            assertThat(RawHttp.Response.read(socket.getInputStream(), false).status()).isEqualTo(201);
        }

        RawHttp.Response back = get("/whole");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).isEqualTo(body);
        assertThat(memory.held()).as("the upload's share given back").isZero();
    }

    @Test
    void aChunkedBodyIsCutOffWith413AtTheFirstBytePastTheLimit() throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME); Socket socket = connect()) {
            RawHttp.write(socket, put("/chunked", "Transfer-Encoding: chunked"));
            byte[] chunk = new byte[64 * 1024];
            for (int sent = 0; sent < BUDGET; sent += chunk.length) {
                RawHttp.write(socket, Integer.toHexString(chunk.length) + "\r\n");
                RawHttp.write(socket, chunk);
                RawHttp.write(socket, "\r\n");
            }
            // One byte past the limit, and no end: the answer comes because the body passed the limit, not because
            // it ended. Nothing is left unread, so the server's close cannot reset the answer away.
            RawHttp.write(socket, "1\r\nx");
            RawHttp.Response answer = RawHttp.Response.read(socket.getInputStream(), false);

            assertThat(answer.status()).isEqualTo(413);
            RawHttp.assertClosed(socket);
            access.await((event) -> event.getFormattedMessage().contains("\"PUT /chunked HTTP/1.1\" 413 "),
                    "an access line for the cut-off upload with 413");
        }
        assertThat(get("/chunked").status()).as("nothing was stored").isEqualTo(404);
        assertThat(memory.held()).as("the upload's share given back").isZero();
    }

    @Test
    void uploadsThatTogetherPassTheBudgetAreAnswered503WithRetryAfter() throws Exception {
        int first = BUDGET - 50_000;
        int second = 100_000;
        int sentFirst = first - 1000;
        try (Socket holding = connect()) {
            RawHttp.write(holding, put("/first", "Content-Length: " + first));
            RawHttp.write(holding, new byte[sentFirst]);
            awaitThat(() -> memory.held() >= sentFirst, "the first upload's share taken");

            try (Socket refused = connect()) {
                long start = System.nanoTime();
                RawHttp.write(refused, put("/second", "Content-Length: " + second));
                if (buffersSmallBodiesBeforeDispatch() || takesTheBudgetAsBytesArrive()) {
                    RawHttp.write(refused, new byte[second]);
                }
                RawHttp.Response answer = RawHttp.Response.read(refused.getInputStream(), false);

                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.head().toLowerCase()).contains("\r\nretry-after: ");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(AT_ONCE);
                if (!buffersSmallBodiesBeforeDispatch()) {
                    // Answered before its body came, the connection cannot be used again; a body read whole leaves
                    // it fit for the next request, as HTTP allows.
                    RawHttp.assertClosed(refused);
                }
            }

            RawHttp.write(holding, new byte[first - sentFirst]);
            assertThat(RawHttp.Response.read(holding.getInputStream(), false).status()).isEqualTo(201);
        }
        assertThat(memory.held()).isZero();
        assertThat(get("/second").status()).as("the refused upload stored nothing").isEqualTo(404);
        try (Socket again = connect()) {
            RawHttp.write(again, put("/second", "Content-Length: " + second));
            RawHttp.write(again, new byte[second]);
            assertThat(RawHttp.Response.read(again.getInputStream(), false).status())
                    .as("the same upload once the budget is free").isEqualTo(201);
        }
        assertThat(get("/first").body()).hasSize(first);
    }

    private static String put(String path, String lengthHeader) {
        return "PUT " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n" + AUTHORIZATION
                + lengthHeader + "\r\n\r\n";
    }

    private RawHttp.Response get(String path) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    }

    private Socket connect() throws IOException {
        return RawHttp.open(port, BODY_TIMEOUT.plusSeconds(10));
    }




    private static void awaitThat(BooleanSupplier condition, String description) throws InterruptedException {
        long deadline = System.nanoTime() + AT_ONCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(description).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

}
