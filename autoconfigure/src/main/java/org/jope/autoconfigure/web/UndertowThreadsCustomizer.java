package org.jope.autoconfigure.web;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Maps {@code jope.server.threads} to Undertow's worker threads; its I/O threads come on top and never run
 * requests. An explicit {@code server.undertow.threads.worker} still wins.
 */
class UndertowThreadsCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory>, Ordered {

    static final String BOOT_PROPERTY = "server.undertow.threads.worker";

    private final int threads;

    private final boolean bootPropertySet;

    UndertowThreadsCustomizer(int threads, Environment environment) {
        this.threads = threads;
        this.bootPropertySet = environment.containsProperty(BOOT_PROPERTY);
    }

    @Override
    public void customize(UndertowServletWebServerFactory factory) {
        if (!bootPropertySet) {
            factory.setWorkerThreads(threads);
        }
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
