package org.jope.autoconfigure.logging;

import io.undertow.UndertowOptions;

import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import org.jope.core.log.AccessLog;

/**
 * Adds the access log listener to every exchange, at the very start of the deployment's handler chain, and has
 * Undertow record when each request started, which it skips by default.
 */
class UndertowAccessLogCustomizer implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

    private final AccessLog accessLog;

    UndertowAccessLogCustomizer(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void customize(UndertowServletWebServerFactory factory) {
        factory.addBuilderCustomizers((builder) -> builder.setServerOption(UndertowOptions.RECORD_REQUEST_START_TIME,
                true));
        factory.addDeploymentInfoCustomizers((deployment) -> deployment.addInitialHandlerChainWrapper((next) ->
                (exchange) -> {
                    exchange.addExchangeCompleteListener(UndertowAccessListener.starting(exchange, accessLog));
                    next.handleRequest(exchange);
                }));
    }

}
