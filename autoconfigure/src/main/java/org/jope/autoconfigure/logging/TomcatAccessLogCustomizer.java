package org.jope.autoconfigure.logging;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import org.jope.core.log.AccessLog;

/** Puts the access log on Tomcat's Engine, where it sees every request the connector read, valid or not. */
class TomcatAccessLogCustomizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final AccessLog accessLog;

    TomcatAccessLogCustomizer(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new TomcatAccessLogValve(accessLog));
    }

}
