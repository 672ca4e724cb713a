package org.jope.autoconfigure.safety;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.core.JopeApplication;
import org.jope.core.publisher.Publisher;
import org.jope.testsite.RawHttp;
import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one worker held by a blocked view, requests that queue behind it for longer than jope.server.queue-timeout
 * are answered 503 with Retry-After once the worker is free, without reaching the publisher; they are counted under
 * jope.requests.shed with reason queue-timeout and warned about once. The site then serves normally. The wait is
 * counted from each container's own arrival time, so this holds on all three.
 */
@ExtendWith(OutputCaptureExtension.class)
class QueueTimeoutTests {

    private static final Duration QUEUE_TIMEOUT = Duration.ofMillis(300);

    private static final int QUEUED = 2;

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void aRequestThatWaitedTooLongIsShedWith503(String type, CapturedOutput output) throws Exception {
        BlockingView.entered = new CountDownLatch(1);
        BlockingView.release = new CountDownLatch(1);
        try (ConfigurableApplicationContext context = Sites.start(type, new Class<?>[] { BlockingView.class },
                "jope.server.threads=1", "jope.server.queue-timeout=" + QUEUE_TIMEOUT.toMillis() + "ms")) {
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> blocked = send(client, Sites.url(context) + "/@@block");
            assertThat(BlockingView.entered.await(10, TimeUnit.SECONDS)).isTrue();
            Publisher publisher = context.getBean(JopeApplication.class).publisher();
            long publishedBefore = publisher.inFlight().completed();
            List<CompletableFuture<HttpResponse<String>>> queued = new ArrayList<>();
            long sent = System.nanoTime();
            for (int i = 0; i < QUEUED; i++) {
                queued.add(send(client, Sites.url(context) + "/welcome"));
            }
            // The queued requests must outwait the timeout: time has to pass here, nothing else is awaited.
            TimeUnit.NANOSECONDS.sleep(Math.max(0, sent + QUEUE_TIMEOUT.multipliedBy(3).toNanos() - System.nanoTime()));
            BlockingView.release.countDown();

            assertThat(blocked.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            for (CompletableFuture<HttpResponse<String>> future : queued) {
                HttpResponse<String> response = future.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        (contentType) -> assertThat(contentType).startsWith("text/plain"));
                assertThat(response.body()).contains("waited longer than 300 ms for a worker");
            }
            assertThat(publisher.inFlight().completed() - publishedBefore).as("shed requests the publisher ran")
                    .isEqualTo(1);
            assertThat(context.getBean(QueueTimeoutFilter.class).shed()).isEqualTo(QUEUED);
            assertThat(context.getBean(MeterRegistry.class).get("jope.requests.shed").tag("reason", "queue-timeout")
                    .functionCounter().count()).isEqualTo(QUEUED);
            assertThat(output.toString().split("longer than jope.server.queue-timeout", -1)).as("one warning")
                    .hasSize(2);

            HttpResponse<String> after = client.send(HttpRequest.newBuilder(URI.create(Sites.url(context)
                    + "/welcome")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
        }
        finally {
            BlockingView.release.countDown();
        }
    }

    /**
     * A request pipelined behind a slow one on the same connection waited for that connection, not for a worker: the
     * container may serve it in the same task, whose hand-in time must not be counted for it.
     */
    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void aRequestBehindASlowOneOnItsOwnConnectionIsServed(String type) throws Exception {
        BlockingView.entered = new CountDownLatch(1);
        BlockingView.release = new CountDownLatch(1);
        try (ConfigurableApplicationContext context = Sites.start(type, new Class<?>[] { BlockingView.class },
                "jope.server.threads=1", "jope.server.queue-timeout=" + QUEUE_TIMEOUT.toMillis() + "ms");
                Socket socket = new Socket()) {
            int port = Integer.parseInt(Sites.url(context).substring(Sites.url(context).lastIndexOf(':') + 1));
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.getOutputStream().write(("GET /@@block HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /welcome HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            assertThat(BlockingView.entered.await(10, TimeUnit.SECONDS)).isTrue();
            long entered = System.nanoTime();
            // The slow request must outlast the timeout: time has to pass here, nothing else is awaited.
            TimeUnit.NANOSECONDS.sleep(Math.max(0, entered + QUEUE_TIMEOUT.multipliedBy(2).toNanos() - System.nanoTime()));
            BlockingView.release.countDown();
            assertThat(RawHttp.Response.read(socket.getInputStream(), false).status()).isEqualTo(200);
            RawHttp.Response behind = RawHttp.Response.read(socket.getInputStream(), false);
            assertThat(behind.status()).as(behind.bodyText()).isEqualTo(200);
            assertThat(context.getBean(QueueTimeoutFilter.class).shed()).isZero();
        }
        finally {
            BlockingView.release.countDown();
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient client, String url) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
