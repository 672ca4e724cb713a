package org.jope.autoconfigure.observability;

import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;

import org.jope.autoconfigure.JopeProperties;
import org.jope.autoconfigure.safety.RequestQueueMonitor;
import org.jope.autoconfigure.web.ServerType;
import org.jope.autoconfigure.web.WorkerPool;
import org.jope.core.JopeApplication;
import org.jope.core.JopeConfig;
import org.jope.core.publisher.InFlightRequests;
import org.jope.core.publisher.PublishingStats;
import org.jope.core.store.ObjectStore;

/** Gathers a {@link JopeStatus} from the running parts, for the endpoint and the status page alike. */
public class JopeStatusReader {

    /** Read from the environment, so that the status does not depend on where the property is bound. */
    static final String EXPOSE_TRACEBACKS = "jope.server.expose-tracebacks";

    private final JopeApplication application;

    private final JopeProperties properties;

    private final RequestQueueMonitor queue;

    private final StallWatchdog watchdog;

    private final Environment environment;

    private final StorePool pool;

    /** The watchdog is null when jope.watchdog.enabled is false. */
    public JopeStatusReader(JopeApplication application, JopeProperties properties, RequestQueueMonitor queue,
            @Nullable StallWatchdog watchdog, Environment environment) {
        this.application = application;
        this.properties = properties;
        this.queue = queue;
        this.watchdog = watchdog;
        this.environment = environment;
        this.pool = new StorePool(application.store());
    }

    public JopeStatus read() {
        Optional<WorkerPool> workers = queue.workers();
        int threads = workers.map(WorkerPool::maxThreads).orElse(properties.getServer().getThreads());
        JopeConfig config = application.config();
        return new JopeStatus(
                new JopeStatus.Server(ServerType.selectedIn(environment).propertyValue(), threads,
                        workers.map(WorkerPool::busyThreads).filter((busy) -> busy >= 0).orElse(null),
                        queue.depth()),
                store(config), safety(threads, config.poolSize()), cache(config), requests(), watchdog(),
                new JopeStatus.Debug(config.debugExceptions(),
                        environment.getProperty(EXPOSE_TRACEBACKS, Boolean.class, false)));
    }

    private JopeStatus.Store store(JopeConfig config) {
        ObjectStore store = application.store();
        return new JopeStatus.Store(store.location().kind(), StoreUrlMask.mask(store.location().url()),
                config.poolSize(), config.poolTimeout().toMillis(), pool.activeConnections().orElse(null),
                pool.threadsAwaitingConnection().orElse(null));
    }

    /** The same comparison as the startup check: every request thread must be able to hold a connection. */
    private JopeStatus.Safety safety(int threads, int poolSize) {
        String mode = properties.getSafety().getThreadsVsPool().name().toLowerCase(Locale.ROOT);
        if (threads < poolSize) {
            return new JopeStatus.Safety(mode, true,
                    threads + " request threads, below the " + poolSize + " store connections");
        }
        return new JopeStatus.Safety(mode, false, threads + " request threads for " + poolSize
                + " store connections: under load requests wait for a connection and may be answered 503");
    }

    private JopeStatus.Cache cache(JopeConfig config) {
        CacheStats stats = application.store().cache().stats();
        return new JopeStatus.Cache(application.store().cache().size(), config.cacheSize(), stats.hitRate(),
                stats.hitCount(), stats.missCount());
    }

    private JopeStatus.Requests requests() {
        InFlightRequests inFlight = application.publisher().inFlight();
        PublishingStats stats = application.publisher().stats();
        return new JopeStatus.Requests(inFlight.count(), inFlight.completed(), stats.conflicts(), stats.retries(),
                stats.conflictsGivenUp(), stats.shed());
    }

    private JopeStatus.Watchdog watchdog() {
        if (watchdog == null) {
            return new JopeStatus.Watchdog(false, 0, 0);
        }
        return new JopeStatus.Watchdog(true, watchdog.stallAfter().toMillis(), watchdog.stalls());
    }

}
