package org.jope.autoconfigure.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import org.jope.testsite.RawHttp;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jope.server.channel-timeout and jope.server.connection-limit on each container, on real sockets: an idle
 * connection, a partial request line and an idle keep-alive connection are closed after the timeout (each container's
 * own default would keep them 30 s, 60 s or for ever), a connection past the limit waits in the backlog and is
 * served once a slot frees, never reset, and the listening socket's backlog is jope.server.backlog (each container's
 * own is 50, 100 or 1000), as the kernel reports it to {@code ss}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConnectionBoundsContract {

    private static final Duration CHANNEL_TIMEOUT = Duration.ofSeconds(1);

    /** Far above the timeout, far below any container's own default. */
    private static final Duration CLOSED_WITHIN = Duration.ofSeconds(8);

    private static final int LIMIT = 2;

    /** Unlike any container's own default. */
    private static final int BACKLOG = 321;

    private ServletWebServerApplicationContext site;

    private int port;

    abstract String type();

    @BeforeAll
    void start() {
        site = Sites.start(type(), new Class<?>[0], "jope.server.channel-timeout=" + CHANNEL_TIMEOUT.toMillis() + "ms",
                "jope.server.connection-limit=" + LIMIT, "jope.server.backlog=" + BACKLOG);
        port = site.getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws IOException {
        try (Socket socket = connect()) {
            assertClosedByServer(socket);
        }
    }

    @Test
    void aPartialRequestLineIsClosed() throws IOException {
        try (Socket socket = connect()) {
            RawHttp.write(socket, "GET /welc");
            assertClosedByServer(socket);
        }
    }

    @Test
    void aPartialRequestHeadIsClosed() throws IOException {
        try (Socket socket = connect()) {
            RawHttp.write(socket, "GET /welcome HTTP/1.1\r\nHost: x\r\nX-Half: ");
            assertClosedByServer(socket);
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterItsAnswer() throws IOException {
        try (Socket socket = connect()) {
            RawHttp.write(socket, "GET /welcome HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Response response = RawHttp.Response.read(socket.getInputStream(), false);
            assertThat(response.status()).isEqualTo(200);
            assertClosedByServer(socket);
        }
    }

    @Test
    void aConnectionPastTheLimitWaitsInTheBacklogAndIsServed() throws IOException {
        List<Socket> holders = new ArrayList<>();
        try (Socket waiting = new Socket()) {
            for (int i = 0; i < LIMIT; i++) {
                Socket holder = connect();
                holders.add(holder);
                RawHttp.write(holder, "GET /welcome HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(RawHttp.Response.read(holder.getInputStream(), false).status()).isEqualTo(200);
            }
            waiting.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            waiting.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            RawHttp.write(waiting, "GET /welcome HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            // Held below the limit, the waiting connection cannot be answered until a holder goes.
            waiting.setSoTimeout(300);
            assertThat(answeredWithin(waiting)).as("answered while the limit was reached").isFalse();
            for (Socket holder : holders) {
                holder.close();
            }
            waiting.setSoTimeout((int) CLOSED_WITHIN.toMillis());
            RawHttp.Response served = RawHttp.Response.read(waiting.getInputStream(), false);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.bodyText()).contains("Welcome to Jope");
        }
        finally {
            for (Socket holder : holders) {
                holder.close();
            }
        }
    }

    @Test
    void theListeningSocketHoldsTheBacklog() throws Exception {
        // For a listening socket, ss reports the backlog the kernel took in the Send-Q column.
        Process ss = new ProcessBuilder("ss", "-ltnH", "sport = :" + port).redirectErrorStream(true).start();
        String listening = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(ss.waitFor()).as(listening).isZero();
        assertThat(listening.split("\\s+")).as(listening).hasSizeGreaterThan(3)
                .satisfies((columns) -> assertThat(columns[2]).isEqualTo(String.valueOf(BACKLOG)));
    }

    private static boolean answeredWithin(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() >= 0;
        }
        catch (SocketTimeoutException ex) {
            return false;
        }
    }

    private Socket connect() throws IOException {
        return RawHttp.open(port, CLOSED_WITHIN);
    }


    /** The server's close shows as end of stream, or a reset; a read that times out means it kept the connection. */
    private static void assertClosedByServer(Socket socket) throws IOException {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // an error answer (408 or 400) may come before the close
            }
        }
        catch (SocketTimeoutException ex) {
            throw new AssertionError("the server kept the connection open for " + CLOSED_WITHIN, ex);
        }
        catch (IOException reset) {
            // closed with a reset: closed all the same
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CLOSED_WITHIN);
    }

}
