package org.jope.autoconfigure.web;

import org.xnio.management.XnioWorkerMXBean;

import org.springframework.boot.web.embedded.undertow.UndertowWebServer;
import org.springframework.boot.web.server.WebServer;

/**
 * Undertow's XNIO worker pool. Neither Boot nor Micrometer has metrics for it; the worker's MXBean has the pool size,
 * busy threads and queue.
 */
final class UndertowWorkerPool implements WorkerPool {

    private final XnioWorkerMXBean worker;

    UndertowWorkerPool(WebServer server) {
        this.worker = ((UndertowWebServer) server).getUndertow().getWorker().getMXBean();
    }

    @Override
    public int maxThreads() {
        return worker.getMaxWorkerPoolSize();
    }

    @Override
    public int busyThreads() {
        return worker.getBusyWorkerThreadCount();
    }

    @Override
    public int queueDepth() {
        return worker.getWorkerQueueSize();
    }

}
