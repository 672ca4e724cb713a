package org.jope.autoconfigure.observability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import org.jope.core.store.ObjectStore;

/**
 * UP when a store connection can be borrowed and answers {@code SELECT 1} within the timeout, DOWN with the reason
 * otherwise. The borrow is bounded by the same timeout, not by jope.store.pool-timeout, so that a health probe on a
 * busy site answers promptly.
 */
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final ObjectStore store;

    private final StorePool pool;

    private final Duration timeout;

    StoreHealthIndicator(ObjectStore store, Duration timeout) {
        super("Jope store health check failed");
        this.store = store;
        this.pool = new StorePool(store);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SQLException {
        builder.withDetail("kind", store.location().kind())
                .withDetail("url", StoreUrlMask.mask(store.location().url()));
        long started = System.nanoTime();
        try (Connection connection = pool.borrow(timeout); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(Math.max(1, (int) timeout.toSeconds()));
            try (ResultSet result = statement.executeQuery("SELECT 1")) {
                result.next();
            }
            connection.rollback();
        }
        builder.up().withDetail("responseMillis", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

}
