package org.jope.autoconfigure.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives Tomcat's connector the stamping executor and the valve that reads the stamp. It runs after the threads
 * customizer, so the executor takes the max and min-spare threads that are configured by then.
 */
class TomcatQueueTimeCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers((connector) -> {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                TomcatQueuedTasks executor = TomcatQueuedTasks.create(protocol.getName().replace("\"", ""),
                        protocol.getMinSpareThreads(), protocol.getMaxThreads());
                protocol.setExecutor(executor);
                connector.addLifecycleListener(executor.stopWithConnector());
            }
        });
        factory.addEngineValves(new TomcatQueuedTasks.Arrival());
    }

    @Override
    public int getOrder() {
        return 2;
    }

}
