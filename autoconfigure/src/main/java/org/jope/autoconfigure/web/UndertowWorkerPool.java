package org.jope.autoconfigure.web;

import java.lang.reflect.Field;

import io.undertow.Undertow;
import org.xnio.management.XnioWorkerMXBean;

import org.springframework.boot.web.embedded.undertow.UndertowWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.util.ReflectionUtils;

/**
 * Undertow's XNIO worker pool. Boot keeps its Undertow instance private and offers no metrics for it, so the
 * instance is read from Boot's field; the worker's MXBean then has the pool size, busy threads and queue.
 */
final class UndertowWorkerPool implements WorkerPool {

    private final WebServer server;

    private XnioWorkerMXBean worker;

    UndertowWorkerPool(WebServer server) {
        this.server = server;
    }

    @Override
    public int maxThreads() {
        return worker().getMaxWorkerPoolSize();
    }

    @Override
    public int busyThreads() {
        return worker().getBusyWorkerThreadCount();
    }

    @Override
    public int queueDepth() {
        return worker().getWorkerQueueSize();
    }

    /** The worker exists only once the server has started, so it is looked up on first use. */
    private XnioWorkerMXBean worker() {
        if (worker == null) {
            Field field = ReflectionUtils.findField(UndertowWebServer.class, "undertow");
            ReflectionUtils.makeAccessible(field);
            Undertow undertow = (Undertow) ReflectionUtils.getField(field, server);
            if (undertow == null) {
                throw new IllegalStateException("Undertow has not started yet");
            }
            worker = undertow.getWorker().getMXBean();
        }
        return worker;
    }

}
