package org.jope.autoconfigure.web;

import java.util.function.Supplier;

import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.jetty.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import org.jope.core.JopeApplication;
import org.jope.core.publisher.Publisher;

/**
 * Maps {@code jope.server.threads} to Jetty. Jetty leases its acceptor and selector threads from the same pool that
 * runs requests, so the pool's max is threads plus those; a {@link QoSHandler} ({@link JettyRequestLimit}, which also
 * sheds requests parked past the queue timeout) then caps the requests in flight at threads, so the store sees no
 * more concurrent requests than on Tomcat or Undertow; in front of it, {@link JettyBodyBuffering} reads a write's body
 * before the request takes a place, and {@link JettyThrottledLoginPause} holds back a throttled login. An explicit {@code server.jetty.threads.max} still wins for the pool,
 * and the cap follows it.
 */
class JettyThreadsCustomizer implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

    static final String BOOT_PROPERTY = "server.jetty.threads.max";

    private final int threads;

    private final boolean bootPropertySet;

    private final ServerProperties.Jetty.Threads bootThreads;

    private final QueueTimeoutSheds sheds;

    private final Supplier<JopeApplication> application;

    JettyThreadsCustomizer(int threads, Environment environment, ServerProperties serverProperties,
            QueueTimeoutSheds sheds, Supplier<JopeApplication> application) {
        this.threads = threads;
        this.sheds = sheds;
        this.application = application;
        this.bootPropertySet = environment.containsProperty(BOOT_PROPERTY);
        this.bootThreads = serverProperties.getJetty().getThreads();
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        int cores = Runtime.getRuntime().availableProcessors();
        // Jetty's own defaults when acceptors and selectors are left at -1.
        int acceptors = bootThreads.getAcceptors() > 0 ? bootThreads.getAcceptors() : Math.max(1, Math.min(4, cores / 8));
        int selectors = bootThreads.getSelectors() > 0 ? bootThreads.getSelectors() : Math.max(1, Math.min(4, cores / 2));
        int leased = acceptors + selectors;
        ThreadPool pool = factory.getThreadPool();
        int requestThreads = threads;
        if (pool instanceof QueuedThreadPool queued) {
            if (bootPropertySet) {
                requestThreads = Math.max(1, queued.getMaxThreads() - leased);
            }
            else {
                queued.setMaxThreads(threads + leased);
            }
            queued.setMinThreads(Math.min(queued.getMinThreads(), queued.getMaxThreads()));
            // Reserved threads would sit beside the request threads and blur the budget above.
            queued.setReservedThreads(0);
        }
        int maxRequests = requestThreads;
        factory.addServerCustomizers((server) -> {
            server.setHandler(new JettyRequestLimit(server.getHandler(), maxRequests, sheds));
            server.setHandler(new JettyBodyBuffering(server.getHandler(), () -> {
                JopeApplication running = application.get();
                return running != null ? running.publisher().bodyMemory() : null;
            }));
            server.setHandler(new JettyThrottledLoginPause(server.getHandler(), () -> {
                JopeApplication running = application.get();
                return running != null ? running.authenticator() : null;
            }, Publisher.THROTTLED_LOGIN_PAUSE));
        });
    }

    @Override
    public int getOrder() {
        return 1;
    }

}
