package org.jope.autoconfigure.web;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;

import org.jope.testsite.TestSite;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "jope.server.type=tomcat", "jope.server.threads=" + ContainerContract.THREADS,
        "jope.store.url=jdbc:h2:file:./target/stores/${random.uuid}/jope" })
class TomcatContainerTests extends ContainerContract {

    @Override
    Class<? extends WebServer> expectedServer() {
        return TomcatWebServer.class;
    }

    @Override
    int requestWorkerMaximum(WebServer server) {
        AbstractProtocol<?> protocol = (AbstractProtocol<?>) ((TomcatWebServer) server).getTomcat().getConnector()
                .getProtocolHandler();
        // Jope gives the connector an executor of its own, for which Tomcat reports maxThreads as -1.
        org.apache.tomcat.util.threads.ThreadPoolExecutor executor =
                (org.apache.tomcat.util.threads.ThreadPoolExecutor) protocol.getExecutor();
        assertThat(executor.getCorePoolSize()).isLessThanOrEqualTo(executor.getMaximumPoolSize());
        return executor.getMaximumPoolSize();
    }

}
