package org.jope.autoconfigure.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import org.jope.core.publisher.Publisher;
import org.jope.testsite.RawHttp;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throttled login's 429 comes after the throttle's pause, and the wait holds neither a worker nor, on Jetty, a
 * place under the request cap: with one thread, a read sent behind three waiting guessers is answered before any
 * of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThrottledLoginContract {

    private static final String WRONG = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8)) + "\r\n";

    private ServletWebServerApplicationContext site;

    private int port;

    abstract String type();

    @BeforeAll
    void start() throws IOException {
        site = Sites.startWithManager(type(), "jope.server.threads=1",
                "jope.security.login-throttle.failures-per-address=1");
        port = site.getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void aThrottledLoginWaitsOutThePauseWithoutHoldingTheWorker() throws Exception {
        assertThat(RawHttp.send(port, put()).status()).isEqualTo(401);

        List<Socket> guessers = new ArrayList<>();
        try {
            long sent = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                Socket socket = RawHttp.open(port, Duration.ofSeconds(10));
                guessers.add(socket);
                RawHttp.write(socket, put());
            }
            RawHttp.Response read = RawHttp.send(port, "GET /welcome HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            Duration readAfter = Duration.ofNanos(System.nanoTime() - sent);

            assertThat(read.status()).isEqualTo(200);
            assertThat(readAfter).as("the read, behind three waiting guessers")
                    .isLessThan(Publisher.THROTTLED_LOGIN_PAUSE);
            for (Socket guesser : guessers) {
                RawHttp.Response answer = RawHttp.Response.read(guesser.getInputStream(), false);
                assertThat(answer.status()).isEqualTo(429);
                assertThat(answer.head()).containsIgnoringCase("Retry-After: ");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(
                    Publisher.THROTTLED_LOGIN_PAUSE);
        }
        finally {
            for (Socket guesser : guessers) {
                guesser.close();
            }
        }
    }

    private static String put() {
        return "PUT /guess HTTP/1.1\r\nHost: x\r\n" + WRONG + "Content-Type: text/plain\r\nContent-Length: 1\r\n"
                + "Connection: close\r\n\r\nx";
    }

}
