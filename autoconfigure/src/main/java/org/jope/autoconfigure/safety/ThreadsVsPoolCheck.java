package org.jope.autoconfigure.safety;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import org.jope.autoconfigure.ThreadsVsPool;
import org.jope.autoconfigure.web.ServerStartedEvent;

/**
 * Compares the request threads of the running container with the store's pool size, as Zope's advice asks: threads
 * "safely below" the pool. It reads the threads from the container, so that Boot's own server.*.threads properties
 * count as they take effect. It runs first among the listeners of the start, so that a refused start announces
 * nothing.
 */
class ThreadsVsPoolCheck implements ApplicationListener<ServerStartedEvent>, Ordered {

    private static final Logger logger = LoggerFactory.getLogger(ThreadsVsPoolCheck.class);

    private final int poolSize;

    private final ThreadsVsPool mode;

    ThreadsVsPoolCheck(int poolSize, ThreadsVsPool mode) {
        this.poolSize = poolSize;
        this.mode = mode;
    }

    @Override
    public void onApplicationEvent(ServerStartedEvent event) {
        ThreadsVsPoolVerdict verdict = new ThreadsVsPoolVerdict(event.server().threads(), poolSize);
        if (mode == ThreadsVsPool.OFF || verdict.threadsBelowPool()) {
            return;
        }
        if (mode == ThreadsVsPool.FAIL) {
            throw new ThreadsExceedPoolException(verdict.threads(), poolSize);
        }
        logger.warn("The container runs {} request threads but the store pool has only {} connections "
                + "(jope.safety.threads-vs-pool=warn): requests may wait up to jope.store.pool-timeout for a "
                + "connection and then be answered 503", verdict.threads(), poolSize);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
