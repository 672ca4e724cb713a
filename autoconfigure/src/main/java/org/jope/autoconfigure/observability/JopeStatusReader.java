package org.jope.autoconfigure.observability;

import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import org.springframework.core.env.Environment;
import org.springframework.lang.Nullable;

import org.jope.autoconfigure.JopeProperties;
import org.jope.autoconfigure.ServerType;
import org.jope.autoconfigure.safety.ThreadsVsPoolVerdict;
import org.jope.autoconfigure.web.RunningServer;
import org.jope.autoconfigure.web.WorkerPool;
import org.jope.core.JopeApplication;
import org.jope.core.config.JopeConfig;
import org.jope.core.publisher.InFlightRequests;
import org.jope.core.publisher.PublishingStats;
import org.jope.core.store.ObjectStore;

/** Gathers a {@link JopeStatus} from the running parts, for the endpoint and the status page alike. */
public class JopeStatusReader {

    /** Read from the environment, so that the status does not depend on where the property is bound. */
    static final String EXPOSE_TRACEBACKS = "jope.server.expose-tracebacks";

    private final JopeApplication application;

    private final JopeProperties properties;

    private final RunningServer server;

    private final StallWatchdog watchdog;

    private final Environment environment;

    private final StorePool pool;

    /** The watchdog is null when jope.watchdog.enabled is false. */
    public JopeStatusReader(JopeApplication application, JopeProperties properties, RunningServer server,
            @Nullable StallWatchdog watchdog, Environment environment) {
        this.application = application;
        this.properties = properties;
        this.server = server;
        this.watchdog = watchdog;
        this.environment = environment;
        this.pool = new StorePool(application.store());
    }

    public JopeStatus read() {
        Optional<WorkerPool> workers = server.workersIfStarted();
        int threads = workers.map(WorkerPool::maxThreads).orElse(properties.getServer().getThreads());
        JopeConfig config = application.config();
        return new JopeStatus(
                new JopeStatus.Server(type().propertyValue(), threads,
                        workers.map(WorkerPool::busyThreads).filter((busy) -> busy >= 0).orElse(null),
                        workers.map(WorkerPool::queueDepth).orElse(0)),
                store(config), safety(new ThreadsVsPoolVerdict(threads, config.poolSize())), cache(config),
                requests(), watchdog(),
                new JopeStatus.Debug(config.debugExceptions(),
                        environment.getProperty(EXPOSE_TRACEBACKS, Boolean.class, false)));
    }

    /** The running container once it has started; the one configured before then. */
    private ServerType type() {
        return server.isStarted() ? server.type() : ServerType.selectedIn(environment);
    }

    private JopeStatus.Store store(JopeConfig config) {
        ObjectStore store = application.store();
        return new JopeStatus.Store(store.location().kind(), StoreUrlMask.mask(store.location().url()),
                config.poolSize(), config.poolTimeout().toMillis(), pool.activeConnections().orElse(null),
                pool.threadsAwaitingConnection().orElse(null));
    }

    private JopeStatus.Safety safety(ThreadsVsPoolVerdict verdict) {
        return new JopeStatus.Safety(properties.getSafety().getThreadsVsPool().name().toLowerCase(Locale.ROOT),
                verdict.threadsBelowPool(), verdict.describe());
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
