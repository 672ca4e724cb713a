package org.jope.autoconfigure.observability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.jope.autoconfigure.ViewRegistration;
import org.jope.core.http.Rendered;

/** A view at {@code @@hold} that keeps its worker until the test releases it: a deliberate stall. */
@Configuration(proxyBeanMethods = false)
class HeldView {

    static volatile CountDownLatch release = new CountDownLatch(1);

    @Bean
    ViewRegistration heldViewRegistration() {
        return new ViewRegistration("hold", (traversed, request) -> {
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released the held request");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return Rendered.text(200, "released\n");
        });
    }

}
