package org.jope.autoconfigure.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.jope.core.log.AccessLog;
import org.jope.testsite.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access log must write the same line for the same request whatever the container, so the expected lines are
 * written once, here, and each container's subclass only names the container. Requests go over raw sockets, so
 * that every byte of them is known; only the timestamp is masked. 127.0.0.1 is the trusted proxy, and 127.0.0.2
 * (another loopback address) an untrusted peer.
 */
@SpringBootTest(classes = AccessLogSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "jope.trusted-proxies=127.0.0.1" })
@DirtiesContext
abstract class AccessLogContract {

    static final Pattern TIME = Pattern.compile("\\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}]");

    private static LogTestDirectory directory;

    @LocalServerPort
    int port;

    CapturedEvents access;

    CapturedEvents all;

    @DynamicPropertySource
    static void instanceDirectory(DynamicPropertyRegistry registry) {
        directory = LogTestDirectory.create();
        directory.register(registry);
    }

    static LogTestDirectory directory() {
        return directory;
    }

    /** The container's name in jope.server.type. */
    abstract String type();

    /**
     * Whether the container calls its request-log hook for a request it could not parse. Tomcat and Jetty do;
     * Undertow answers such a request 400 and closes the connection before any handler or listener exists.
     */
    abstract boolean logsRequestsItCannotParse();

    @BeforeEach
    void capture() {
        access = CapturedEvents.of(AccessLog.LOGGER_NAME);
        all = CapturedEvents.of(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @AfterEach
    void release() {
        access.close();
        all.close();
    }

    @Test
    void okWithRefererAndAgent() throws Exception {
        RawHttp.Response response = send("GET / HTTP/1.1\r\nHost: localhost\r\nReferer: http://example.org/start\r\n"
                + "User-Agent: jope-test/1.0\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"GET / HTTP/1.1\" 200 " + response.body().length
                + " \"http://example.org/start\" \"jope-test/1.0\"");
    }

    @Test
    void notFound() throws Exception {
        RawHttp.Response response = send(get("/no/such/thing"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"GET /no/such/thing HTTP/1.1\" 404 "
                + response.body().length + " \"-\" \"-\"");
    }

    @Test
    void unauthorizedWrite() throws Exception {
        RawHttp.Response response = send(
                "PUT /welcome HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(401);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"PUT /welcome HTTP/1.1\" 401 " + response.body().length
                + " \"-\" \"-\"");
    }

    @Test
    void authenticatedUserIsNamed() throws Exception {
        // A write checks the password; a read after it is named from the cache of logins, without a check.
        RawHttp.Response write = send(managersWrite("/named"));
        RawHttp.Response response = send("GET /welcome HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + LogTestDirectory.CREDENTIALS + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        List<String> lines = requestLines(2).stream().map(AccessLogContract::masked).toList();
        // The container logs a request after its answer is sent, so the next request's line may come first.
        assertThat(lines).containsExactlyInAnyOrder(
                "127.0.0.1 - admin [T] \"PUT /named HTTP/1.1\" " + write.status() + " " + write.body().length
                        + " \"-\" \"-\"",
                "127.0.0.1 - admin [T] \"GET /welcome HTTP/1.1\" 200 " + response.body().length + " \"-\" \"-\"");
    }

    static String managersWrite(String path) {
        return "PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + LogTestDirectory.CREDENTIALS
                + "\r\nContent-Type: text/plain\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx";
    }

    @Test
    void errorFromAnExceptionView() throws Exception {
        RawHttp.Response response = send(get("/@@boom"));
        assertThat(response.status()).isEqualTo(500);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"GET /@@boom HTTP/1.1\" 500 " + response.body().length
                + " \"-\" \"-\"");
    }

    @Test
    void serviceUnavailable() throws Exception {
        RawHttp.Response response = send(get("/@@busy?attempt=1"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"GET /@@busy?attempt=1 HTTP/1.1\" 503 "
                + response.body().length + " \"-\" \"-\"");
    }

    @Test
    void headHasNoBody() throws Exception {
        RawHttp.Response response = send("HEAD /welcome HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"HEAD /welcome HTTP/1.1\" 200 - \"-\" \"-\"");
    }

    /** A tab would be escaped too, but Undertow turns it into a space before anyone sees it. */
    @Test
    void quotesAndBackslashesInTheAgentAreEscaped() throws Exception {
        RawHttp.Response response = send("GET / HTTP/1.1\r\nHost: localhost\r\n"
                + "User-Agent: say \"hi\" \\ \"GET /forged HTTP/1.1\" 200\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"GET / HTTP/1.1\" 200 " + response.body().length
                + " \"-\" \"say \\x22hi\\x22 \\x5c \\x22GET /forged HTTP/1.1\\x22 200\"");
    }

    @Test
    void percentEncodedCrLfInTheQueryStaysEncoded() throws Exception {
        RawHttp.Response response = send(get("/?q=%0D%0A127.0.0.1%20-%20-"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(onlyLine()).isEqualTo("127.0.0.1 - - [T] \"GET /?q=%0D%0A127.0.0.1%20-%20- HTTP/1.1\" 200 "
                + response.body().length + " \"-\" \"-\"");
    }

    @Test
    void trustedProxyForwardsTheClient() throws Exception {
        RawHttp.Response response = send("GET / HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: 192.0.2.66, 203.0.113.7\r\nConnection: close\r\n\r\n");
        // 203.0.113.7 is the address the trusted proxy saw; the entry left of it is only the client's word.
        assertThat(onlyLine()).isEqualTo("203.0.113.7 - - [T] \"GET / HTTP/1.1\" 200 " + response.body().length
                + " \"-\" \"-\"");
    }

    @Test
    void untrustedPeerCannotForward() throws Exception {
        RawHttp.Response response = RawHttp.send("127.0.0.2", port, "GET / HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: 203.0.113.7\r\nConnection: close\r\n\r\n");
        assertThat(onlyLine()).isEqualTo("127.0.0.2 - - [T] \"GET / HTTP/1.1\" 200 " + response.body().length
                + " \"-\" \"-\"");
    }

    @Test
    void bareCarriageReturnInAHeaderNeverSplitsTheLine() throws Exception {
        // Each container's parser refuses the header (400); Undertow's, which logs nothing, before any request exists.
        RawHttp.Response response = RawHttp.send(port, "GET /?cr HTTP/1.1\r\nHost: localhost\r\n"
                + "User-Agent: evil\r127.0.0.1 - - [01/Jan/2025:00:00:00 +0000] \"GET /forged HTTP/1.1\" 200 1\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(requestLines(logsRequestsItCannotParse() ? 1 : 0))
                .hasSize(logsRequestsItCannotParse() ? 1 : 0).allSatisfy((line) ->
                assertThat(line).doesNotContain("\r", "\n").startsWith("127.0.0.1 - - ["));
    }

    @Test
    void percentEncodedCrLfInThePathNeverSplitsTheLine() throws Exception {
        // Jetty refuses such a path (400), Tomcat and Undertow look it up (404); either way, one line.
        RawHttp.send(port, get("/x%0D%0A127.0.0.1%20-%20-%20%22GET%20/forged"));
        assertThat(requestLines(1)).singleElement().satisfies((line) ->
                assertThat(line).doesNotContain("\r", "\n").startsWith("127.0.0.1 - - ["));
    }

    @Test
    void requestTheContainerCannotParse() throws Exception {
        RawHttp.Response response = send("GARBAGE\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        List<String> lines = requestLines(logsRequestsItCannotParse() ? 1 : 0);
        if (logsRequestsItCannotParse()) {
            assertThat(lines).singleElement().satisfies((line) -> assertThat(masked(line))
                    .matches("127\\.0\\.0\\.1 - - \\[T] \"-\" 400 \\S+ \"-\" \"-\""));
        }
        else {
            assertThat(lines).isEmpty();
        }
    }

    /**
     * Who the access line names for an upload its client abandoned: the manager on Tomcat and Jetty, which hand the
     * request to the publisher before its body has arrived; nobody on Undertow, which reads the body first and never
     * hands an unfinished one to the publisher, so no login was checked.
     */
    String userOfAnAbandonedUpload() {
        return "admin";
    }

    @Test
    void requestTheClientAbortedIsLogged() throws Exception {
        RawHttp.sendAndHangUp(port, "PUT /welcome HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + LogTestDirectory.CREDENTIALS + "\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nabc");
        assertThat(requestLines(1)).singleElement().satisfies((line) -> assertThat(masked(line))
                .startsWith("127.0.0.1 - " + userOfAnAbandonedUpload() + " [T] \"PUT /welcome HTTP/1.1\" "));
    }

    @Test
    void unexpectedExceptionIsLoggedOnceWithItsErrorId() throws Exception {
        RawHttp.Response response = send(get("/@@boom"));
        Matcher errorId = Pattern.compile("<code>([0-9a-f]{12})</code>").matcher(response.bodyText());
        assertThat(errorId.find()).isTrue();
        onlyLine();
        List<ILoggingEvent> reports = errorEvents();
        assertThat(reports).singleElement().satisfies((event) -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Error id " + errorId.group(1) + " on GET /@@boom (user anonymous)");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
            assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void notFoundAndUnauthorizedAreNoErrors() throws Exception {
        send(get("/no/such/thing"));
        send("PUT /welcome HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(requestLines(2)).hasSize(2);
        assertThat(all.events()).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void everyLineInTheFileIsOneRequest() throws Exception {
        send(get("/?file-check"));
        onlyLine();
        List<String> lines = new FileLines(directory.accessLog()).await(
                (line) -> line.contains("\"GET /?file-check HTTP/1.1\""));
        Pattern combined = Pattern.compile(
                "^\\S+ - \\S+ \\[[^\\]]+] \"[^\"]*\" \\d{3} (\\d+|-) \"[^\"]*\" \"[^\"]*\"$");
        assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(line).matches(combined));
    }

    @Test
    void eventLogHasTheStartupLinesInZopesFormat() throws Exception {
        List<String> lines = new FileLines(directory.eventLog())
                .await((line) -> line.endsWith("Ready to handle requests"));
        String zope = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} INFO "
                + "\\[org\\.jope\\.autoconfigure\\.logging\\.ServingAnnouncement:\\d+]\\[main] ";
        assertThat(lines).anySatisfy((line) -> assertThat(line).matches(zope + Pattern.quote(
                "Serving on http://127.0.0.1:" + port + " (" + type() + ", 4 threads)")));
        assertThat(lines).anySatisfy((line) -> assertThat(line).matches(zope + "Ready to handle requests"));
    }

    RawHttp.Response send(String request) throws Exception {
        return RawHttp.send(port, request);
    }

    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    /** The one line the request wrote, its time masked; fails if there is no line or more than one. */
    String onlyLine() throws Exception {
        List<String> lines = requestLines(1);
        assertThat(lines).hasSize(1);
        return masked(lines.get(0));
    }

    /**
     * Waits for the lines of the requests sent so far, at least {@code expected} of them, and returns them all. A
     * marker request is sent and its line awaited as well, so that a second line for one request, written at the
     * same time as the first, would be seen.
     */
    List<String> requestLines(int expected) throws Exception {
        String marker = " /marker-" + System.nanoTime() + " ";
        RawHttp.send(port, get(marker.strip()));
        access.await((event) -> event.getFormattedMessage().contains(marker), "for the marker");
        access.awaitAtLeast(expected, (event) -> !event.getFormattedMessage().contains(marker), "for the requests");
        return access.messages().stream().filter((line) -> !line.contains(marker)).toList();
    }

    List<ILoggingEvent> errorEvents() {
        return all.events().stream().filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
    }

    static String masked(String line) {
        Matcher time = TIME.matcher(line);
        assertThat(time.find()).as("a timestamp in %s", line).isTrue();
        return time.replaceFirst("[T]");
    }

}
