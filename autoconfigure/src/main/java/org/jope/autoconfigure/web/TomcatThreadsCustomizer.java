package org.jope.autoconfigure.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Maps {@code jope.server.threads} to Tomcat's maxThreads. It runs after Boot's own customizer; an explicit
 * {@code server.tomcat.threads.max} still wins. min-spare is lowered with max, since Tomcat's default of 10 above a
 * max of 4 would be refused by the executor.
 */
class TomcatThreadsCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    static final String BOOT_PROPERTY = "server.tomcat.threads.max";

    private final int threads;

    private final boolean bootPropertySet;

    TomcatThreadsCustomizer(int threads, Environment environment) {
        this.threads = threads;
        this.bootPropertySet = environment.containsProperty(BOOT_PROPERTY);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers((connector) -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                if (!bootPropertySet) {
                    protocol.setMaxThreads(threads);
                }
                protocol.setMinSpareThreads(Math.min(protocol.getMinSpareThreads(), protocol.getMaxThreads()));
            }
        });
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
