package org.jope.core.publisher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are throttled per client address and per user name, answered 429 with Retry-After without a
 * password check, and logged once per window; the throttle lifts when its window closes.
 */
class LoginThrottleTests {

    /** Another client address: Linux answers the whole of 127.0.0.0/8 on the loopback device. */
    private static final String OTHER_ADDRESS = "127.0.0.2";

    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private final Logger throttleLogger = (Logger) LoggerFactory.getLogger("org.jope.core.security.LoginThrottle");

    @BeforeEach
    void listen() {
        log.start();
        throttleLogger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        throttleLogger.detachAppender(log);
    }

    @Test
    void afterTheFailuresFromOneAddressItIsThrottledAndAManagerElsewhereStillLogsIn() throws Exception {
        try (Site site = Site.start(directory, (settings) -> settings.loginThrottle(Duration.ofMinutes(1), 3, 10))) {
            Http wrong = site.anonymous().as(Site.MANAGER, "wrong");
            for (int i = 0; i < 3; i++) {
                assertThat(wrong.put("/a", "text/plain", "x").statusCode()).isEqualTo(401);
            }
            long checks = site.application().authenticator().passwordChecks();

            // Refused before any check, the right password too, and on a read of a view that asks who is there.
            HttpResponse<String> throttled = site.manager().put("/a", "text/plain", "x");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 60L);
            assertThat(throttled.body()).contains("Too many failed logins");
            assertThat(wrong.put("/a", "text/plain", "x").statusCode()).isEqualTo(429);
            assertThat(site.anonymous().as("nobody", "x").delete("/welcome").statusCode()).isEqualTo(429);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(checks);
            // An anonymous read asks no password, so it is never throttled.
            assertThat(wrong.get("/welcome").statusCode()).isEqualTo(200);

            assertThat(putFrom(OTHER_ADDRESS, site.port(), Site.MANAGER, Site.PASSWORD)).isEqualTo(201);

            assertThat(log.list).singleElement().satisfies((event) -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).startsWith("Throttling logins from 127.0.0.1 (last user "
                        + "name: admin): 3 failed logins within PT1M; answering 429 for ");
            });
        }
    }

    @Test
    void aUserNameIsThrottledFromEveryAddress() throws Exception {
        try (Site site = Site.start(directory, (settings) -> settings.loginThrottle(Duration.ofMinutes(1), 10, 3))) {
            for (int i = 0; i < 3; i++) {
                assertThat(site.anonymous().as(Site.MANAGER, "wrong" + i).put("/a", "text/plain", "x").statusCode())
                        .isEqualTo(401);
            }

            assertThat(putFrom(OTHER_ADDRESS, site.port(), Site.MANAGER, Site.PASSWORD)).isEqualTo(429);
            // Another name from the same address is not throttled: that address has failed 3 times of 10.
            assertThat(site.anonymous().as("nobody", "x").put("/a", "text/plain", "x").statusCode()).isEqualTo(401);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                    .startsWith("Throttling logins as user admin (last address: 127.0.0.1): 3 failed logins");
        }
    }

    @Test
    void aThrottledNameIsLoggedEscapedSoThatItCannotForgeALine() throws Exception {
        try (Site site = Site.start(directory, (settings) -> settings.loginThrottle(Duration.ofMinutes(1), 10, 1))) {
            String forged = "x\n2026-01-01 INFO all is well";
            assertThat(site.anonymous().as(forged, "wrong").put("/a", "text/plain", "x").statusCode()).isEqualTo(401);
            assertThat(site.anonymous().as(forged, "wrong").put("/a", "text/plain", "x").statusCode()).isEqualTo(429);

            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                    .startsWith("Throttling logins as user x\\n2026-01-01 INFO all is well (last address: ")
                    .doesNotContain("\n");
        }
    }

    @Test
    void debugExceptionsLeavesTheThrottleOn() throws Exception {
        try (Site site = Site.start(directory, (settings) -> settings.debugExceptions(true)
                .loginThrottle(Duration.ofMinutes(1), 1, 10))) {
            assertThat(site.anonymous().as(Site.MANAGER, "wrong").put("/a", "text/plain", "x").statusCode())
                    .isEqualTo(401);
            HttpResponse<String> throttled = site.manager().put("/a", "text/plain", "x");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void anUnknownUserIsCountedAndCheckedAsAKnownOne() throws Exception {
        try (Site site = Site.start(directory, (settings) -> settings.loginThrottle(Duration.ofMinutes(1), 2, 10))) {
            Http unknown = site.anonymous().as("nobody", "wrong");
            assertThat(unknown.put("/a", "text/plain", "x").statusCode()).isEqualTo(401);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(1);
            assertThat(unknown.put("/a", "text/plain", "x").statusCode()).isEqualTo(401);
            assertThat(unknown.put("/a", "text/plain", "x").statusCode()).isEqualTo(429);
            assertThat(site.application().authenticator().passwordChecks()).isEqualTo(2);
        }
    }

    @Test
    void theThrottleLiftsWhenTheWindowCloses() throws Exception {
        try (Site site = Site.start(directory, (settings) -> settings.loginThrottle(Duration.ofSeconds(1), 2, 10))) {
            Http wrong = site.anonymous().as(Site.MANAGER, "wrong");
            // Until throttled: on a slow machine the first window may close before the second failure.
            int status = 0;
            for (int i = 0; i < 50 && status != 429; i++) {
                status = wrong.put("/a", "text/plain", "x").statusCode();
            }
            assertThat(status).isEqualTo(429);

            long deadline = System.nanoTime() + BOUND.toNanos();
            int manager = site.manager().put("/a", "text/plain", "x").statusCode();
            while (manager == 429 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                manager = site.manager().put("/a", "text/plain", "x").statusCode();
            }
            assertThat(manager).isEqualTo(201);
            assertThat(wrong.put("/b", "text/plain", "x").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aThrottledLoginWaitsOutItsPauseWithoutHoldingAThread() throws Exception {
        try (Site site = Site.start(directory, (settings) -> settings.loginThrottle(Duration.ofMinutes(1), 1, 10), 1)) {
            assertThat(site.anonymous().as(Site.MANAGER, "wrong").put("/a", "text/plain", "x").statusCode())
                    .isEqualTo(401);

            List<Socket> guessers = new ArrayList<>();
            try {
                long sent = System.nanoTime();
                for (int i = 0; i < 3; i++) {
                    guessers.add(sendPut(site.port(), Site.MANAGER, "wrong"));
                }
                // With one request thread, three answers can wait at once only if none of them holds it.
                long deadline = System.nanoTime() + BOUND.toNanos();
                while (site.application().publisher().stats().throttledAnswersWaiting() < 3
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(site.application().publisher().stats().throttledAnswersWaiting()).isEqualTo(3);
                assertThat(site.anonymous().get("/welcome").statusCode()).isEqualTo(200);

                for (Socket guesser : guessers) {
                    assertThat(statusOf(guesser)).isEqualTo(429);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Publisher.THROTTLED_LOGIN_PAUSE);
                assertThat(site.application().publisher().stats().throttledAnswersWaiting()).isZero();
            }
            finally {
                for (Socket guesser : guessers) {
                    guesser.close();
                }
            }
        }
    }

    /** A PUT from another local address, on a socket of its own: the JDK's HTTP client cannot choose its address. */
    private static int putFrom(String address, int port, String user, String password) throws IOException {
        try (Socket socket = sendPut(address, port, user, password)) {
            return statusOf(socket);
        }
    }

    private static Socket sendPut(int port, String user, String password) throws IOException {
        return sendPut("127.0.0.1", port, user, password);
    }

    /** A PUT sent on a socket of its own, whose answer is still to be read. */
    private static Socket sendPut(String address, int port, String user, String password) throws IOException {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(address, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) BOUND.toMillis());
        socket.setSoTimeout((int) BOUND.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(String.join("\r\n", List.of("PUT /from-elsewhere HTTP/1.1", "Host: 127.0.0.1:" + port,
                "Authorization: Basic " + token, "Content-Type: text/plain", "Content-Length: 1",
                "Connection: close", "", "x")).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static int statusOf(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        return Integer.parseInt(statusLine.substring(9, 12));
    }

}
