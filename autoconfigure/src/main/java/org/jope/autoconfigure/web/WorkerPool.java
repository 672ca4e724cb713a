package org.jope.autoconfigure.web;

import org.springframework.boot.web.server.WebServer;

import org.jope.autoconfigure.ServerType;

/**
 * The request workers of a running container, read from the container itself, so that what Boot's own properties or
 * other customizers did is counted too.
 */
public interface WorkerPool {

    /** How many requests the container runs at once. */
    int maxThreads();

    /** Workers running a request now. */
    int busyThreads();

    /** Requests accepted but waiting for a worker. */
    int queueDepth();

    /**
     * The pool of the given server. Each container's reader is loaded only for the type that runs, so that an absent
     * container's classes are never touched.
     */
    static WorkerPool of(ServerType type, WebServer server) {
        return switch (type) {
            case TOMCAT -> new TomcatWorkerPool(server);
            case JETTY -> new JettyWorkerPool(server);
            case UNDERTOW -> new UndertowWorkerPool(server);
        };
    }

}
