package org.jope.core.security;

/**
 * The failed logins of one client address or one user name within a window that opens at the first failure and
 * closes a fixed time later, whatever happens meanwhile: a client that keeps failing while throttled does not push
 * its own end further away, and one that stops is free when the window closes. Guarded by its own monitor.
 */
final class FailureWindow {

    private final long openedNanos;

    private int failures;

    private boolean reported;

    private String lastOther;

    FailureWindow(long openedNanos) {
        this.openedNanos = openedNanos;
    }

    boolean isOpen(long nowNanos, long windowNanos) {
        return nowNanos - openedNanos < windowNanos;
    }

    /** Nanoseconds until the window closes. */
    long remaining(long nowNanos, long windowNanos) {
        return Math.max(0, openedNanos + windowNanos - nowNanos);
    }

    /** @param other the user name tried, for an address's window; the address, for a user's */
    void fail(String other) {
        failures++;
        lastOther = other;
    }

    int failures() {
        return failures;
    }

    String lastOther() {
        return lastOther;
    }

    /** True the first time only, so that a throttled client gets one line in the event log per window. */
    boolean report() {
        boolean first = !reported;
        reported = true;
        return first;
    }

}
