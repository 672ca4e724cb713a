package org.jope.autoconfigure.web;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.server.WebServer;

import org.jope.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "jope.server.type=jetty", "jope.server.threads=" + ContainerContract.THREADS,
        "jope.store.url=jdbc:h2:file:./target/stores/${random.uuid}/jope" })
class JettyContainerTests extends ContainerContract {

    @Override
    Class<? extends WebServer> expectedServer() {
        return JettyWebServer.class;
    }

    /**
     * The pool holds the request threads plus the acceptor and selector threads that Jetty leases from it; the
     * QoSHandler caps the requests in flight at the configured threads.
     */
    @Override
    int requestWorkerMaximum(WebServer server) {
        Server jetty = ((JettyWebServer) server).getServer();
        ServerConnector connector = (ServerConnector) jetty.getConnectors()[0];
        int leased = connector.getAcceptors() + connector.getSelectorManager().getSelectorCount();
        QueuedThreadPool pool = (QueuedThreadPool) jetty.getThreadPool();
        QoSHandler limit = jetty.getDescendant(QoSHandler.class);
        assertThat(limit.getMaxRequestCount())
                .isEqualTo(pool.getMaxThreads() - leased - JettyQueuedJobs.PARSING_THREADS);
        return limit.getMaxRequestCount();
    }

}
