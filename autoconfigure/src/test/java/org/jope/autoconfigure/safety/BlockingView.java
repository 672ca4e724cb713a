package org.jope.autoconfigure.safety;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.jope.autoconfigure.ViewRegistration;
import org.jope.core.http.Rendered;

/**
 * A view at {@code @@block} that holds its worker until the test releases it, so that requests queue behind it. It
 * counts {@link #entered} down once it holds the worker: a test sends the requests that are to queue only then, since
 * a client's concurrent requests may reach the server in any order.
 */
@Configuration(proxyBeanMethods = false)
class BlockingView {

    static volatile CountDownLatch entered = new CountDownLatch(1);

    static volatile CountDownLatch release = new CountDownLatch(1);

    @Bean
    ViewRegistration blockingViewRegistration() {
        return new ViewRegistration("block", (traversed, request) -> {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the blocked request");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return Rendered.text(200, "released\n");
        });
    }

}
