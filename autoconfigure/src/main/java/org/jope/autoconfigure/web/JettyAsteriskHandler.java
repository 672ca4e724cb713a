package org.jope.autoconfigure.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import org.jope.core.writes.Writes;

/**
 * Answers {@code OPTIONS *} (RFC 9110, 9.3.7: the server's own options) with the methods Jope serves, as Tomcat
 * does and as Jope's Undertow screening does; Jetty would answer it 404, since no context serves the path "*". Jetty
 * already refuses {@code *} with any other method.
 */
final class JettyAsteriskHandler extends Handler.Wrapper {

    JettyAsteriskHandler(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.OPTIONS.is(request.getMethod()) || !"*".equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.ALLOW, Writes.EVERY_METHOD);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
        return true;
    }

}
