package org.jope.autoconfigure.web;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

import org.apache.coyote.AbstractProtocol;

import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;

/** Tomcat's connector executor: maxThreads, active threads, and the sockets queued for a thread. */
final class TomcatWorkerPool implements WorkerPool {

    private final AbstractProtocol<?> protocol;

    TomcatWorkerPool(WebServer server) {
        this.protocol = (AbstractProtocol<?>) ((TomcatWebServer) server).getTomcat().getConnector()
                .getProtocolHandler();
    }

    @Override
    public int maxThreads() {
        // Tomcat answers -1 once the executor is not its own, as with Jope's stamping executor.
        if (protocol.getExecutor() instanceof org.apache.tomcat.util.threads.ThreadPoolExecutor tomcat) {
            return tomcat.getMaximumPoolSize();
        }
        return protocol.getMaxThreads();
    }

    @Override
    public int busyThreads() {
        Executor executor = protocol.getExecutor();
        if (executor instanceof org.apache.tomcat.util.threads.ThreadPoolExecutor tomcat) {
            return tomcat.getActiveCount();
        }
        return executor instanceof ThreadPoolExecutor jdk ? jdk.getActiveCount() : 0;
    }

    @Override
    public int queueDepth() {
        Executor executor = protocol.getExecutor();
        if (executor instanceof org.apache.tomcat.util.threads.ThreadPoolExecutor tomcat) {
            return tomcat.getQueue().size();
        }
        return executor instanceof ThreadPoolExecutor jdk ? jdk.getQueue().size() : 0;
    }

}
