package org.jope.autoconfigure.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import org.jope.autoconfigure.logging.CapturedEvents;
import org.jope.core.log.AccessLog;
import org.jope.testsite.RawHttp;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One answer to a malformed request, whatever the container, over raw sockets: a control character in a header is
 * 400, TRACE is 405 whoever sends it, the target {@code *} is 400 but for OPTIONS, a malformed chunked body is 400
 * with Jope's error, never Spring's JSON, and the connection is closed after it (what follows cannot be trusted to
 * be a request), while a well-formed one is read whatever its extensions and trailers; a client that hangs up
 * mid-body is one INFO line. Each leaves an access
 * line with its status, and none logs a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MalformedRequestContract {

    private static final String MANAGER = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8)) + "\r\n";

    private ServletWebServerApplicationContext site;

    private int port;

    abstract String type();

    /**
     * Whether a request head that the container's parser refuses gets an access line. Undertow's parser answers it
     * 400 itself and closes the connection before any exchange exists, so no handler, the access log's included,
     * sees it.
     */
    boolean logsAHeadItsParserRefuses() {
        return true;
    }

    @BeforeAll
    void start() throws IOException {
        site = Sites.startWithManager(type());
        port = site.getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u0001", "\u0000", "\u007f", "\r" })
    void aControlCharacterInAHeaderIsRefused400(String control) throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME)) {
            RawHttp.Response answer = RawHttp.send(port,
                    "GET /welcome HTTP/1.1\r\nHost: x\r\nX-Note: a" + control + "b\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.bodyText()).doesNotContain("Welcome");
            if (logsAHeadItsParserRefuses()) {
                access.await((event) -> event.getFormattedMessage().contains("\"GET /welcome HTTP/1.1\" 400 "),
                        "an access line with 400");
            }
        }
    }

    @Test
    void traceIsRefused405WhoeverSendsItAndEchoesNothing() throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME)) {
            for (String login : List.of("", MANAGER)) {
                RawHttp.Response answer = RawHttp.send(port,
                        "TRACE / HTTP/1.1\r\nHost: x\r\n" + login + "X-Secret: s3cr3t\r\nConnection: close\r\n\r\n");

                assertThat(answer.status()).isEqualTo(405);
                assertThat(answer.head() + answer.bodyText()).doesNotContain("s3cr3t");
            }
            access.awaitAtLeast(2, (event) -> event.getFormattedMessage().contains("\"TRACE / HTTP/1.1\" 405 "),
                    "two access lines with 405");
        }
    }

    @Test
    void theTargetAsteriskIsRefused400ButForOptions() throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME);
                CapturedEvents everything = CapturedEvents.of(Logger.ROOT_LOGGER_NAME)) {
            RawHttp.Response get = RawHttp.send(port, "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            RawHttp.Response options = RawHttp.send(port,
                    "OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(get.status()).isEqualTo(400);
            assertThat(options.status()).isEqualTo(200);
            assertThat(options.head()).containsIgnoringCase("Allow: ").contains("GET").contains("PUT");
            access.await((event) -> event.getFormattedMessage().contains("\"OPTIONS * HTTP/1.1\" 200 "),
                    "an access line for OPTIONS *");
            if (logsAHeadItsParserRefuses()) {
                assertThat(access.messages()).anyMatch((line) -> line.contains("\"GET * HTTP/1.1\" 400 "));
            }
            assertNoWarningAndNoTrace(everything.events());
        }
    }

    /**
     * Each breaks RFC 9112's chunked framing; the first two are what Undertow's own decoder read as a last chunk,
     * so that the request after them was served from the same connection.
     */
    @ParameterizedTest
    @ValueSource(strings = { "zz\r\nhello\r\n0\r\n\r\n", "zz\r\n\r\nGET /welcome HTTP/1.1\r\nHost: x\r\n\r\n",
        "5\r\nhelloX\r\n0\r\n\r\n", "5\r\nhello\r\n0\r\nhello\r\n\r\n" })
    void aMalformedChunkedBodyIsRefused400WithJopesOwnError(String body) throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME);
                CapturedEvents everything = CapturedEvents.of(Logger.ROOT_LOGGER_NAME);
                Socket socket = RawHttp.open(port, Duration.ofSeconds(10))) {
            RawHttp.write(socket, "PUT /chunked HTTP/1.1\r\nHost: x\r\n" + MANAGER + "Content-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + body);

            RawHttp.Response answer = RawHttp.Response.read(socket.getInputStream(), false);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.head()).doesNotContainIgnoringCase("application/json");
            assertThat(answer.bodyText()).contains("could not be read").doesNotContain("\"timestamp\"");
            RawHttp.assertClosed(socket);
            access.await((event) -> event.getFormattedMessage().contains("\"PUT /chunked HTTP/1.1\" 400 "),
                    "an access line with 400");
            everything.await((event) -> event.getLevel() == Level.INFO
                    && event.getFormattedMessage().startsWith("The body of PUT /chunked could not be read ("),
                    "one INFO line for the body");
            assertNoWarningAndNoTrace(everything.events());
        }
        assertThat(RawHttp.send(port, "GET /chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status())
                .as("nothing was stored").isEqualTo(404);
    }

    @Test
    void aChunkedBodyWithAnExtensionAndATrailerIsStoredAndTheRequestAfterItServed() throws Exception {
        try (Socket socket = RawHttp.open(port, Duration.ofSeconds(10))) {
            RawHttp.write(socket, "PUT /well-chunked HTTP/1.1\r\nHost: x\r\n" + MANAGER
                    + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;note=first\r\nhello\r\nA\r\n, chunked!\r\n0\r\nX-Checksum: 1\r\n\r\n"
                    + "GET /well-chunked HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(RawHttp.Response.read(socket.getInputStream(), false).status()).isEqualTo(201);
            RawHttp.Response page = RawHttp.Response.read(socket.getInputStream(), false);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.bodyText()).contains("<pre>hello, chunked!</pre>");
        }
    }

    @Test
    void aClientThatHangsUpMidBodyIsOneInfoLine() throws Exception {
        try (CapturedEvents access = CapturedEvents.of(AccessLog.LOGGER_NAME);
                CapturedEvents everything = CapturedEvents.of(Logger.ROOT_LOGGER_NAME)) {
            RawHttp.sendAndHangUp(port, "PUT /cut-off HTTP/1.1\r\nHost: x\r\n" + MANAGER
                    + "Content-Type: text/plain\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(5000));

            access.await((event) -> event.getFormattedMessage().contains("\"PUT /cut-off HTTP/1.1\" 400 "),
                    "an access line with 400");
            everything.await((event) -> event.getFormattedMessage().startsWith("The body of PUT /cut-off "),
                    "the INFO line");
            assertThat(everything.events()).filteredOn((event) -> event.getFormattedMessage().contains("cut-off"))
                    .singleElement()
                    .satisfies((event) -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
            assertNoWarningAndNoTrace(everything.events());
        }
        assertThat(RawHttp.send(port, "GET /cut-off HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status())
                .as("nothing was stored").isEqualTo(404);
    }

    private static void assertNoWarningAndNoTrace(List<ILoggingEvent> events) {
        assertThat(events).as("events at WARN or above, or with a stack trace")
                .noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)
                        || event.getThrowableProxy() != null);
    }

}
