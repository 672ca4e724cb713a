package org.jope.autoconfigure.web;

import org.springframework.boot.web.server.WebServer;
import org.springframework.util.ClassUtils;

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
     * The pool of the given server. Each container's reader is loaded only when its server is the one running, so
     * that an absent container's classes are never touched.
     */
    static WorkerPool of(WebServer server) {
        if (isA(server, "org.springframework.boot.web.embedded.tomcat.TomcatWebServer")) {
            return new TomcatWorkerPool(server);
        }
        if (isA(server, "org.springframework.boot.web.embedded.jetty.JettyWebServer")) {
            return new JettyWorkerPool(server);
        }
        if (isA(server, "org.springframework.boot.web.embedded.undertow.UndertowWebServer")) {
            return new UndertowWorkerPool(server);
        }
        throw new IllegalArgumentException("Jope cannot read the worker pool of " + server.getClass().getName());
    }

    private static boolean isA(WebServer server, String className) {
        ClassLoader classLoader = server.getClass().getClassLoader();
        return ClassUtils.isPresent(className, classLoader)
                && ClassUtils.resolveClassName(className, classLoader).isInstance(server);
    }

}
