package org.jope.autoconfigure.safety;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

import org.jope.autoconfigure.web.WorkerPool;

/**
 * Compares the request threads of the running container with the store's pool size, as Zope's advice asks: threads
 * "safely below" the pool. It reads the threads from the container, so that Boot's own server.*.threads properties
 * count as they take effect.
 */
class ThreadsVsPoolCheck implements ApplicationListener<ServletWebServerInitializedEvent> {

    private static final Logger logger = LoggerFactory.getLogger(ThreadsVsPoolCheck.class);

    private final int poolSize;

    private final ThreadsVsPool mode;

    ThreadsVsPoolCheck(int poolSize, ThreadsVsPool mode) {
        this.poolSize = poolSize;
        this.mode = mode;
    }

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        // A management server on its own port runs no publisher requests.
        if (mode == ThreadsVsPool.OFF || event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int threads = WorkerPool.of(event.getWebServer()).maxThreads();
        if (threads < poolSize) {
            return;
        }
        if (mode == ThreadsVsPool.FAIL) {
            throw new ThreadsExceedPoolException(threads, poolSize);
        }
        logger.warn("The container runs {} request threads but the store pool has only {} connections "
                + "(jope.safety.threads-vs-pool=warn): requests may wait up to jope.store.pool-timeout for a "
                + "connection and then be answered 503", threads, poolSize);
    }

}
