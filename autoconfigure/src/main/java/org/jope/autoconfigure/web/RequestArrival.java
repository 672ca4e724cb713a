package org.jope.autoconfigure.web;

import jakarta.servlet.ServletRequest;

/**
 * When the container took a request in, before it waited for a worker: each container's own hook stores it as a
 * request attribute, in {@link System#nanoTime()} units, and the queue timeout reads it from there.
 */
public final class RequestArrival {

    static final String ATTRIBUTE = RequestArrival.class.getName();

    private static final String PICKED_UP = ATTRIBUTE + ".pickedUp";

    private RequestArrival() {
    }

    /**
     * Nanoseconds the request waited for a worker: from its arrival to when a worker took it up, or to now when the
     * container marks no such moment; -1 when the container did not say when it arrived.
     */
    public static long waitedNanos(ServletRequest request) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Long arrived)) {
            return -1;
        }
        long end = request.getAttribute(PICKED_UP) instanceof Long pickedUp ? pickedUp : System.nanoTime();
        return end - arrived;
    }

    static void record(ServletRequest request, long arrivedNanos) {
        request.setAttribute(ATTRIBUTE, arrivedNanos);
    }

    /**
     * Marks the moment a worker took the request up, where work that is not waiting (Tomcat's lazy start of a
     * servlet) comes between that moment and the first filter.
     */
    static void pickedUp(ServletRequest request, long pickedUpNanos) {
        request.setAttribute(PICKED_UP, pickedUpNanos);
    }

}
