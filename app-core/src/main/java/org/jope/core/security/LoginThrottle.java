package org.jope.core.security;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.owasp.encoder.Encode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.errors.TooManyRequests;

/**
 * Makes guessing passwords slow. After {@code perAddress} failed logins from one client address, or {@code perUser}
 * for one user name from any address, within one window, further logins from that address or as that user are
 * answered 429 with Retry-After until the window closes, without a password check: the refusal costs no hash, and
 * the publisher sends it after a pause that holds no request thread. A right password ends its address's and its
 * user's windows.
 *
 * <p>The user limit is the higher one, so that a manager elsewhere still logs in while one address is throttled;
 * a guesser spread over many addresses meets it instead. Each throttled address or user is logged once per window.
 * The maps are bounded, so that a flood of invented names or addresses cannot fill the heap.
 */
final class LoginThrottle {

    /** Addresses, and user names, remembered at once, when they are as short as most. */
    static final int MAXIMUM_CLIENTS = 10_000;

    /** What a name or address weighs beside its length: the window and the map's own entry. */
    private static final int ENTRY_WEIGHT = 64;

    /** The longest user name the event log shows; a guesser's names are the guesser's choice. */
    private static final int LOGGED_NAME_LENGTH = 100;

    private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

    private final long windowNanos;

    private final int perAddress;

    private final int perUser;

    private final ConcurrentMap<String, FailureWindow> addresses;

    private final ConcurrentMap<String, FailureWindow> users;

    LoginThrottle(Duration window, int perAddress, int perUser) {
        this.windowNanos = window.toNanos();
        this.perAddress = perAddress;
        this.perUser = perUser;
        this.addresses = windows(window);
        this.users = windows(window);
    }

    /**
     * Refuses a login while its address or its user name is throttled.
     *
     * @throws TooManyRequests with the seconds until the window closes
     */
    void check(String address, String user) {
        long now = System.nanoTime();
        refuseIfThrottled(addresses, address, perAddress, now, "from " + address, "user name");
        refuseIfThrottled(users, user, perUser, now, "as user " + loggable(user), "address");
    }

    /** Whether logins from this address are refused now; it logs nothing and changes nothing. */
    boolean isThrottled(String address) {
        FailureWindow window = addresses.get(address);
        if (window == null) {
            return false;
        }
        synchronized (window) {
            return window.failures() >= perAddress && window.isOpen(System.nanoTime(), windowNanos);
        }
    }

    void failed(String address, String user) {
        long now = System.nanoTime();
        addresses.compute(address, (key, window) -> failure(window, now, user));
        users.compute(user, (key, window) -> failure(window, now, address));
    }

    void succeeded(String address, String user) {
        addresses.remove(address);
        users.remove(user);
    }

    private void refuseIfThrottled(ConcurrentMap<String, FailureWindow> windows, String key, int limit, long now,
            String who, String otherKind) {
        FailureWindow window = windows.get(key);
        if (window == null) {
            return;
        }
        long remainingNanos;
        int failures;
        boolean report;
        String other;
        synchronized (window) {
            if (window.failures() < limit || !window.isOpen(now, windowNanos)) {
                return;
            }
            remainingNanos = window.remaining(now, windowNanos);
            failures = window.failures();
            report = window.report();
            other = (windows == addresses) ? loggable(window.lastOther()) : window.lastOther();
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remainingNanos + 999_999_999L));
        if (report) {
            logger.warn("Throttling logins {} (last {}: {}): {} failed logins within {}; answering 429 for {} s",
                    who, otherKind, other, failures, Duration.ofNanos(windowNanos), retryAfter);
        }
        throw new TooManyRequests("Too many failed logins; try again in " + retryAfter + " s.", retryAfter);
    }

    private FailureWindow failure(FailureWindow window, long now, String other) {
        FailureWindow open = (window != null && window.isOpen(now, windowNanos)) ? window : new FailureWindow(now);
        synchronized (open) {
            open.fail(other);
        }
        return open;
    }

    /** A user name as the event log shows it: escaped, so that a CR or LF cannot forge a line, and cut short. */
    private static String loggable(String name) {
        String shown = (name.length() > LOGGED_NAME_LENGTH) ? name.substring(0, LOGGED_NAME_LENGTH) + "..." : name;
        return Encode.forJava(shown);
    }

    /** Weighed by the key's length, so that names of kilobytes cannot fill the heap in fewer entries. */
    private static ConcurrentMap<String, FailureWindow> windows(Duration window) {
        return Caffeine.newBuilder().maximumWeight((long) MAXIMUM_CLIENTS * ENTRY_WEIGHT)
                .weigher((String key, FailureWindow value) -> ENTRY_WEIGHT + key.length()).expireAfterAccess(window)
                .<String, FailureWindow>build().asMap();
    }

}
