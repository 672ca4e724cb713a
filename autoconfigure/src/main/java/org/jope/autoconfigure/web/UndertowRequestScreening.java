package org.jope.autoconfigure.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.ResponseCodeHandler;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

import org.jope.core.writes.Writes;

/**
 * Refuses on Undertow what Tomcat's and Jetty's parsers refuse, so that a malformed request gets one answer
 * whatever the container. A header value holding a control character (a NUL, \x01) is a 400: a value that a proxy,
 * a log or a header-splitting peer reads differently is a request smuggler's tool. Undertow's strict parser
 * (2.3.25.Final on, which Jope's build takes) refuses such a head itself; an older one, such as the 2.3.24.Final
 * Boot 3.5 manages, passes it on to here. (A bare CR gets here on neither: the strict parser refuses it, and an older
 * one ends the header line at it, so that what follows is a header of its own, which a handler cannot tell from one
 * sent so.) The request target {@code *} is for OPTIONS only (RFC 9110, 7.1), answered with the methods Jope serves;
 * for any other method it is a 400, where Undertow's servlet mapping fails with a 500 and a stack trace per request.
 */
final class UndertowRequestScreening implements HttpHandler {

    private final HttpHandler next;

    UndertowRequestScreening(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if ("*".equals(exchange.getRequestURI())) {
            answerAsterisk(exchange);
            return;
        }
        if (holdsAControlCharacter(exchange)) {
            UndertowPlainAnswer.send(exchange, 400, "A request header holds a control character.");
            return;
        }
        next.handleRequest(exchange);
    }

    private static void answerAsterisk(HttpServerExchange exchange) throws Exception {
        if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, Writes.EVERY_METHOD);
            ResponseCodeHandler.HANDLE_200.handleRequest(exchange);
            return;
        }
        UndertowPlainAnswer.send(exchange, 400, "The request target * is only for OPTIONS.");
    }

    private static boolean holdsAControlCharacter(HttpServerExchange exchange) {
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String value : values) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7f) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

}
