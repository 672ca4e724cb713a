package org.jope.autoconfigure.logging;

import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import org.jope.core.log.AccessLog;

/** Sets the access log as Jetty's server-wide request log. */
class JettyAccessLogCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory> {

    private final AccessLog accessLog;

    JettyAccessLogCustomizer(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        factory.addServerCustomizers((server) -> server.setRequestLog(new JettyAccessRequestLog(accessLog)));
    }

}
