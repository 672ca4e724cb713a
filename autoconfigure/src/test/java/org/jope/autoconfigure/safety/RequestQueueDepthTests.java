package org.jope.autoconfigure.safety;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import org.jope.testsite.Sites;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests waiting for a busy worker are counted on every container and reported, like waitress's queue depth. */
@ExtendWith(OutputCaptureExtension.class)
class RequestQueueDepthTests {

    @ParameterizedTest
    @ValueSource(strings = { "tomcat", "jetty", "undertow" })
    void waitingRequestsShowAsQueueDepth(String type, CapturedOutput output) throws Exception {
        BlockingView.entered = new CountDownLatch(1);
        BlockingView.release = new CountDownLatch(1);
        try (ConfigurableApplicationContext context = Sites.start(type, new Class<?>[] { BlockingView.class },
                "jope.server.threads=1")) {
            RequestQueueMonitor monitor = context.getBean(RequestQueueMonitor.class);
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            responses.add(send(client, Sites.url(context) + "/@@block"));
            // Sent together, the others could be served before the block takes the only worker, and never queue.
            assertThat(BlockingView.entered.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                responses.add(send(client, Sites.url(context) + "/welcome"));
            }
            int deepest = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !output.toString().contains("Request queue depth is")) {
                deepest = Math.max(deepest, monitor.depth());
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertThat(deepest).isPositive();
            assertThat(output).contains("Request queue depth is");
            BlockingView.release.countDown();
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(monitor.depth()).isZero();
        }
        finally {
            BlockingView.release.countDown();
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient client, String url) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
