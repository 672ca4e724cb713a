package org.jope.autoconfigure.web;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.springframework.boot.web.embedded.jetty.JettyWebServer;
import org.springframework.boot.web.server.WebServer;

/**
 * Jetty's request workers: the QoSHandler's cap when Jope installed one, else the pool's threads less those that
 * acceptors and selectors lease. Waiting requests are those the QoSHandler suspended plus the pool's queued jobs.
 */
final class JettyWorkerPool implements WorkerPool {

    private final QueuedThreadPool pool;

    private final QoSHandler limit;

    JettyWorkerPool(WebServer server) {
        Server jetty = ((JettyWebServer) server).getServer();
        this.pool = (QueuedThreadPool) jetty.getThreadPool();
        this.limit = jetty.getDescendant(QoSHandler.class);
    }

    @Override
    public int maxThreads() {
        return limit != null ? limit.getMaxRequestCount() : pool.getMaxThreads() - pool.getLeasedThreads();
    }

    @Override
    public int busyThreads() {
        return pool.getUtilizedThreads();
    }

    @Override
    public int queueDepth() {
        return (limit != null ? limit.getSuspendedRequestCount() : 0) + pool.getQueueSize();
    }

}
