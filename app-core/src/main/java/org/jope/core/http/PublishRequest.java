package org.jope.core.http;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One request as the publisher sees it: the servlet request, its parsed path, its body (a write's), and who sent it.
 * The user is looked up the first time a view asks, as Zope's publisher authorizes lazily against the object: an
 * anonymous read of a public view never verifies a password, whatever Authorization header it carries.
 */
public final class PublishRequest {

    private final HttpServletRequest servletRequest;

    private final RequestPath path;

    private final RequestBody body;

    private Supplier<String> userLookup;

    private String user;

    /** @param userLookup gives the manager's name or null; it is called once at most, on the request's thread */
    public PublishRequest(HttpServletRequest servletRequest, RequestPath path, Supplier<String> userLookup,
            RequestBody body) {
        this.servletRequest = servletRequest;
        this.path = path;
        this.userLookup = userLookup;
        this.body = body;
    }

    public HttpServletRequest servletRequest() {
        return servletRequest;
    }

    public RequestPath path() {
        return path;
    }

    public RequestBody body() {
        return body;
    }

    public String method() {
        return servletRequest.getMethod();
    }

    public String header(String name) {
        return servletRequest.getHeader(name);
    }

    public String parameter(String name) {
        return servletRequest.getParameter(name);
    }

    /** The manager who sent the request, or null; the first call authenticates. */
    public String user() {
        if (userLookup != null) {
            user = userLookup.get();
            userLookup = null;
        }
        return user;
    }

    public boolean isAuthenticated() {
        return user() != null;
    }

}
