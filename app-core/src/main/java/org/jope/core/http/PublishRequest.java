package org.jope.core.http;

import jakarta.servlet.http.HttpServletRequest;

/** One request as the publisher sees it: the servlet request, its parsed path and the authenticated user. */
public record PublishRequest(HttpServletRequest servletRequest, RequestPath path, String user, RequestBody body) {

    public String method() {
        return servletRequest.getMethod();
    }

    public String header(String name) {
        return servletRequest.getHeader(name);
    }

    public String parameter(String name) {
        return servletRequest.getParameter(name);
    }

    public boolean isAuthenticated() {
        return user != null;
    }

}
