package org.jope.autoconfigure.logging;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.undertow.security.api.SecurityContext;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.jope.core.log.AccessEvent;
import org.jope.core.log.AccessLog;
import org.jope.core.security.Authenticator;

/**
 * Undertow's request-log hook: a listener on one exchange, called once when the exchange ends, whether the response
 * was sent, the handler threw, or the client went away. It only reads the fields out; the line is the formatter's.
 *
 * <p>The request-target is taken when the exchange starts: a forward to the error page rewrites the exchange's URI,
 * and the line must name what the client asked for.
 */
class UndertowAccessListener implements ExchangeCompletionListener {

    private final AccessLog accessLog;

    private final String target;

    private UndertowAccessListener(AccessLog accessLog, String target) {
        this.accessLog = accessLog;
        this.target = target;
    }

    static UndertowAccessListener starting(HttpServerExchange exchange, AccessLog accessLog) {
        String query = exchange.getQueryString();
        String target = (query == null || query.isEmpty()) ? exchange.getRequestURI()
                : exchange.getRequestURI() + '?' + query;
        return new UndertowAccessListener(accessLog, target);
    }

    @Override
    public void exchangeEvent(HttpServerExchange exchange, NextListener nextListener) {
        try {
            accessLog.log(event(exchange));
        }
        finally {
            // The next listeners recycle the connection; they must run whatever logging did.
            nextListener.proceed();
        }
    }

    private AccessEvent event(HttpServerExchange exchange) {
        long startNanos = exchange.getRequestStartTime();
        long durationNanos = startNanos > 0 ? System.nanoTime() - startNanos : 0;
        long startMillis = System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(durationNanos);
        InetSocketAddress peer = exchange.getConnection().getPeerAddress(InetSocketAddress.class);
        HeaderValues forwardedFor = exchange.getRequestHeaders().get("X-Forwarded-For");
        return new AccessEvent(peer != null && peer.getAddress() != null ? peer.getAddress().getHostAddress() : null,
                user(exchange), startMillis, exchange.getRequestMethod().toString(), target,
                exchange.getProtocol().toString(), exchange.getStatusCode(), exchange.getResponseBytesSent(),
                exchange.getRequestHeaders().getFirst(Headers.REFERER),
                exchange.getRequestHeaders().getFirst(Headers.USER_AGENT), durationNanos / 1000,
                forwardedFor == null || forwardedFor.isEmpty() ? null : String.join(",", forwardedFor));
    }

    private static String user(HttpServerExchange exchange) {
        ServletRequestContext servlet = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
        ServletRequest request = servlet != null ? servlet.getServletRequest() : null;
        if (request != null) {
            Object user = request.getAttribute(Authenticator.USER_ATTRIBUTE);
            if (user != null) {
                return user.toString();
            }
            if (request instanceof HttpServletRequest http) {
                return http.getRemoteUser();
            }
        }
        SecurityContext security = exchange.getSecurityContext();
        return security != null && security.getAuthenticatedAccount() != null
                ? security.getAuthenticatedAccount().getPrincipal().getName() : null;
    }

}
