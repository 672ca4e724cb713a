package org.jope.autoconfigure.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;

/**
 * The plain-text answer that Jope's Undertow handlers give a request they refuse before it reaches the servlet, in
 * the form of Jope's other container-level answers ("503 Service Unavailable", a blank line, one sentence). The
 * connection is closed after it: what came with a refused request cannot be trusted to end where it says.
 */
final class UndertowPlainAnswer {

    private UndertowPlainAnswer() {
    }

    static void send(HttpServerExchange exchange, int status, String sentence) {
        byte[] body = (status + " " + StatusCodes.getReason(status) + "\n\n" + sentence + "\n")
                .getBytes(StandardCharsets.UTF_8);
        exchange.setStatusCode(status);
        exchange.setPersistent(false);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain;charset=UTF-8");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

}
