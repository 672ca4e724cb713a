package org.jope.autoconfigure.web;

import io.undertow.Undertow;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.test.util.ReflectionTestUtils;

import org.jope.testsite.TestSite;

@SpringBootTest(classes = TestSite.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "jope.server.type=undertow", "jope.server.threads=" + ContainerContract.THREADS,
        "jope.store.url=jdbc:h2:file:./target/stores/${random.uuid}/jope" })
class UndertowContainerTests extends ContainerContract {

    @Override
    Class<? extends WebServer> expectedServer() {
        return UndertowServletWebServer.class;
    }

    @Override
    int requestWorkerMaximum(WebServer server) {
        // Boot keeps the Undertow instance private; its XNIO worker is the request pool.
        Undertow undertow = (Undertow) ReflectionTestUtils.getField(server, "undertow");
        return undertow.getWorker().getMXBean().getMaxWorkerPoolSize();
    }

}
