package org.jope.autoconfigure.observability;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The store's pool through HikariCP's own Micrometer tracker: {@code hikaricp.connections.active}, {@code .pending},
 * {@code .timeout} and the rest, tagged {@code pool=jope-store}. Boot binds the pools of DataSource beans only, and
 * the store's pool is the core's, not a bean. HikariCP accepts one registry per pool, so with several registries
 * (Boot then binds to their composite) only the first gets it.
 */
class StorePoolMetrics implements MeterBinder {

    private final StorePool pool;

    StorePoolMetrics(StorePool pool) {
        this.pool = pool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        pool.hikari().filter(StorePoolMetrics::untracked).ifPresent((hikari) -> hikari.setMetricRegistry(registry));
    }

    private static boolean untracked(HikariDataSource hikari) {
        return hikari.getMetricRegistry() == null && hikari.getMetricsTrackerFactory() == null;
    }

}
