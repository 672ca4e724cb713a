package org.jope.autoconfigure.observability;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Turns on the busy-thread count of Undertow's worker pool before the server builds it. Undertow's XNIO worker runs
 * requests on a JBoss Threads EnhancedQueueExecutor, which counts its active threads only when the system property
 * {@value #ACTIVE_COUNT} is true when the class is first loaded; otherwise the worker's MXBean reports -1 busy
 * threads. The count costs one atomic update per task, as in Tomcat's and Jetty's pools. A value the user has set
 * is kept.
 */
class UndertowBusyThreadCounting implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

    static final String ACTIVE_COUNT = "jboss.threads.eqe.statistics.active-count";

    @Override
    public void customize(UndertowServletWebServerFactory factory) {
        if (System.getProperty(ACTIVE_COUNT) == null) {
            System.setProperty(ACTIVE_COUNT, "true");
        }
    }

}
