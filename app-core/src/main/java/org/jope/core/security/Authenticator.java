package org.jope.core.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.jope.core.errors.ServiceUnavailable;
import org.jope.core.errors.TooManyRequests;
import org.jope.core.errors.Unauthorized;

/**
 * Tells who sent a request, by HTTP Basic against the inituser file. A write needs a manager, and without one it is
 * answered with the Basic challenge; a read is looked up only when its view asks, so that an anonymous read never
 * verifies a password.
 *
 * <p>A login is refused at once while its address or user name is throttled ({@link LoginThrottle}); otherwise it is
 * accepted from the cache of logins bcrypt accepted lately ({@link VerifiedLogins}), or checked by bcrypt on a
 * bounded number of threads ({@link PasswordHashing}).
 */
public final class Authenticator {

    /** The request attribute that carries the authenticated user's name, for the access log. */
    public static final String USER_ATTRIBUTE = "org.jope.user";

    private final ManagerFile managers;

    private final VerifiedLogins verified = new VerifiedLogins();

    private final PasswordHashing hashing = new PasswordHashing();

    private final LoginThrottle throttle;

    /** The file that the cache of logins was last filled from; when another is read, the cache is emptied. */
    private volatile InitUserFile cachedFrom;

    /**
     * @param throttleWindow how long failed logins count from the first, and how long a throttled client is refused
     * @param failuresPerAddress failed logins from one address in a window before it is throttled
     * @param failuresPerUser failed logins as one user name from any address in a window before it is throttled
     */
    public Authenticator(ManagerFile managers, Duration throttleWindow, int failuresPerAddress, int failuresPerUser) {
        this.managers = managers;
        this.cachedFrom = managers.users();
        this.throttle = new LoginThrottle(throttleWindow, failuresPerAddress, failuresPerUser);
    }

    /**
     * The manager who sends a write.
     *
     * @throws Unauthorized without a manager's name and password
     * @throws TooManyRequests while the client's address or the user name is throttled
     * @throws ServiceUnavailable when too many logins are being checked at once
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

    /**
     * The manager who sends a read whose view needs one, or null when the request names none or a wrong one.
     *
     * @throws TooManyRequests while the client's address or the user name is throttled
     * @throws ServiceUnavailable when too many logins are being checked at once
     */
    public String identify(HttpServletRequest request) {
        String recognized = userOf(request);
        if (recognized != null) {
            return recognized;
        }
        BasicCredentials credentials = credentials(request);
        return (credentials != null) ? verify(request, credentials) : null;
    }

    /**
     * Names the manager of a read in the access log when the login is one that bcrypt accepted lately, and checks
     * no password: a cache lookup of a few microseconds, whatever the header holds. A read with a login that is not
     * cached stays anonymous unless its view asks ({@link #identify}).
     */
    public void recognize(HttpServletRequest request) {
        BasicCredentials credentials = credentials(request);
        if (credentials != null && verified.contains(credentials, current())) {
            request.setAttribute(USER_ATTRIBUTE, credentials.name());
        }
    }

    /**
     * Whether logins from this client address are throttled now, for a container that holds such a request back
     * before it takes a place (Jetty); it costs a map lookup.
     */
    public boolean isThrottled(String address) {
        return throttle.isThrottled(address);
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
        return hashing.checks();
    }

    private String verify(HttpServletRequest request, BasicCredentials credentials) {
        InitUserFile users = current();
        String address = request.getRemoteAddr();
        // Before the cache, so that a throttled client cannot go on guessing against the logins cached.
        throttle.check(address, credentials.name());
        boolean right = verified.contains(credentials, users) || hashing.admit(() -> verified.verify(credentials,
                users, () -> hashing.check(() -> users.verify(credentials.name(), credentials.password()))));
        if (!right) {
            throttle.failed(address, credentials.name());
            return null;
        }
        throttle.succeeded(address, credentials.name());
        request.setAttribute(USER_ATTRIBUTE, credentials.name());
        return credentials.name();
    }

    /** The managers now; when the file was read again, the logins cached from the old one are dropped. */
    private InitUserFile current() {
        InitUserFile users = managers.users();
        if (users != cachedFrom) {
            cachedFrom = users;
            verified.clear();
        }
        return users;
    }

    private static BasicCredentials credentials(HttpServletRequest request) {
        return BasicCredentials.parse(request.getHeader("Authorization")).orElse(null);
    }

}
