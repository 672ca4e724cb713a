package org.jope.core.security;

import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.http.HttpServletRequest;

import org.jope.core.errors.Unauthorized;

/**
 * Tells who sent a request, by HTTP Basic against the inituser file. A write needs a manager, and without one it is
 * answered with the Basic challenge; a read is looked up only when its view asks, so that an anonymous read never
 * verifies a password.
 */
public final class Authenticator {

    /** The request attribute that carries the authenticated user's name, for the access log. */
    public static final String USER_ATTRIBUTE = "org.jope.user";

    private final ManagerFile managers;

    private final VerifiedLogins verified = new VerifiedLogins();

    private final LongAdder passwordChecks = new LongAdder();

    /** The file that the cache of logins was last filled from; when another is read, the cache is emptied. */
    private volatile InitUserFile cachedFrom;

    public Authenticator(ManagerFile managers) {
        this.managers = managers;
        this.cachedFrom = managers.users();
    }

    /**
     * The manager who sends a write.
     *
     * @throws Unauthorized without a manager's name and password
     */
    public String authenticate(HttpServletRequest request) {
        BasicCredentials credentials = credentials(request);
        String user = (credentials != null) ? verify(request, credentials) : null;
        if (user == null) {
            throw new Unauthorized(credentials == null ? "Changing the site needs a manager's login."
                    : "The name or password is wrong.");
        }
        return user;
    }

    /** The manager who sends a read whose view needs one, or null when the request names none or a wrong one. */
    public String identify(HttpServletRequest request) {
        BasicCredentials credentials = credentials(request);
        return (credentials != null) ? verify(request, credentials) : null;
    }

    /** The name this request was authenticated as, or null. */
    public static String userOf(HttpServletRequest request) {
        Object user = request.getAttribute(USER_ATTRIBUTE);
        return (user != null) ? user.toString() : null;
    }

    /** The managers as the inituser file holds them now. */
    public InitUserFile users() {
        return managers.users();
    }

    /** How many passwords were checked against their hash since the start; a login found in the cache is not. */
    public long passwordChecks() {
        return passwordChecks.sum();
    }

    private String verify(HttpServletRequest request, BasicCredentials credentials) {
        InitUserFile users = managers.users();
        if (users != cachedFrom) {
            cachedFrom = users;
            verified.clear();
        }
        if (!verified.contains(credentials, users)) {
            passwordChecks.increment();
            if (!users.verify(credentials.name(), credentials.password())) {
                return null;
            }
            verified.add(credentials, users);
        }
        request.setAttribute(USER_ATTRIBUTE, credentials.name());
        return credentials.name();
    }

    private static BasicCredentials credentials(HttpServletRequest request) {
        return BasicCredentials.parse(request.getHeader("Authorization")).orElse(null);
    }

}
