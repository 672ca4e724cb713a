package org.jope.autoconfigure.logging;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;

import org.jope.core.log.AccessEvent;
import org.jope.core.log.AccessLog;
import org.jope.core.security.Authenticator;

/**
 * Jetty's request-log hook: the server calls it once for every request when the response is done, bad requests
 * that Jetty answered itself included. It only reads the fields out; the line is the formatter's.
 *
 * <p>For a request it could not parse, Jetty logs a stand-in without headers whose path is "/badMessage" (nothing
 * of the request line was usable) or "/badURI" (the target was refused). Those paths were never sent, so the line
 * shows "-" for what Jetty did not keep, as Tomcat's does. Only a real request for one of those two paths without
 * a single header (not even HTTP/1.1's Host) would be taken for a stand-in.
 */
class JettyAccessRequestLog implements RequestLog {

    private static final String BAD_MESSAGE = "/badMessage";

    private static final String BAD_URI = "/badURI";

    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final AccessLog accessLog;

    JettyAccessRequestLog(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    public void log(Request request, Response response) {
        long durationMicros = NanoTime.since(request.getBeginNanoTime()) / 1000;
        HttpFields headers = request.getHeaders();
        String method = request.getMethod();
        String target = request.getHttpURI().getPathQuery();
        String protocol = request.getConnectionMetaData().getProtocol();
        if (headers.size() == 0 && BAD_MESSAGE.equals(target)) {
            method = null;
            target = null;
            protocol = null;
        }
        else if (headers.size() == 0 && BAD_URI.equals(target)) {
            target = null;
        }
        Object user = request.getAttribute(Authenticator.USER_ATTRIBUTE);
        List<String> forwardedFor = headers.getValuesList(FORWARDED_FOR);
        accessLog.log(new AccessEvent(peerAddress(request), user != null ? user.toString() : authenticatedName(request),
                Request.getTimeStamp(request), method, target, protocol, response.getStatus(),
                Response.getContentBytesWritten(response), headers.get(HttpHeader.REFERER),
                headers.get(HttpHeader.USER_AGENT), durationMicros,
                forwardedFor.isEmpty() ? null : String.join(",", forwardedFor)));
    }

    private static String peerAddress(Request request) {
        SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
        if (peer instanceof InetSocketAddress socket && socket.getAddress() != null) {
            return socket.getAddress().getHostAddress();
        }
        return null;
    }

    private static String authenticatedName(Request request) {
        Request.AuthenticationState authentication = Request.getAuthenticationState(request);
        return authentication != null && authentication.getUserPrincipal() != null
                ? authentication.getUserPrincipal().getName() : null;
    }

}
