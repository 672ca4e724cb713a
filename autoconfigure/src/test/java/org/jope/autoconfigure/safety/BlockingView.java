package org.jope.autoconfigure.safety;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.jope.autoconfigure.ViewRegistration;
import org.jope.core.publisher.Rendered;

/** A view at {@code @@block} that holds its worker until the test releases it, so that requests queue behind it. */
@Configuration(proxyBeanMethods = false)
class BlockingView {

    static volatile CountDownLatch release = new CountDownLatch(1);

    @Bean
    ViewRegistration blockingViewRegistration() {
        return new ViewRegistration("block", (traversed, request) -> {
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
