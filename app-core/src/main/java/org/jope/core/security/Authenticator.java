package org.jope.core.security;

import jakarta.servlet.http.HttpServletRequest;

import org.jope.core.errors.Unauthorized;

/**
 * Tells who sent a request, by HTTP Basic against the inituser file. Reads are anonymous; a write needs a manager,
 * and without one it is answered with the Basic challenge.
 */
public final class Authenticator {

    /** The request attribute that carries the authenticated user's name, for the access log. */
    public static final String USER_ATTRIBUTE = "org.jope.user";

    private final InitUserFile users;

    public Authenticator(InitUserFile users) {
        this.users = users;
    }

    /** The manager's name, or null for an anonymous read. */
    public String authenticate(HttpServletRequest request) {
        BasicCredentials credentials = BasicCredentials.parse(request.getHeader("Authorization")).orElse(null);
        String user = credentials != null && users.verify(credentials.name(), credentials.password())
                ? credentials.name() : null;
        if (user != null) {
            request.setAttribute(USER_ATTRIBUTE, user);
        }
        if (user == null && !isRead(request.getMethod())) {
            throw new Unauthorized(credentials == null ? "Changing the site needs a manager's login."
                    : "The name or password is wrong.");
        }
        return user;
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

}
