package org.jope.autoconfigure.observability;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;

import org.jope.core.store.ObjectStore;

/**
 * The store's connection pool as the observers see it. Jope opens its store on a HikariCP pool; a store on a data
 * source of the application's own has no pool figures here.
 */
final class StorePool {

    private final DataSource dataSource;

    StorePool(ObjectStore store) {
        this.dataSource = store.dataSource();
    }

    /** Jope's own HikariCP pool, when the store runs on one. */
    Optional<HikariDataSource> hikari() {
        return dataSource instanceof HikariDataSource hikari ? Optional.of(hikari) : Optional.empty();
    }

    /** Connections lent to requests now; empty without a HikariCP pool or before it has started. */
    Optional<Integer> activeConnections() {
        return mxBean().map(HikariPoolMXBean::getActiveConnections);
    }

    /** Threads waiting for a connection now. */
    Optional<Integer> threadsAwaitingConnection() {
        return mxBean().map(HikariPoolMXBean::getThreadsAwaitingConnection);
    }

    /**
     * Borrows a connection, waiting at most the given time, so that a check never waits out the pool timeout that
     * requests wait. HikariCP bounds a single borrow only through its pool; another data source waits its own time.
     */
    Connection borrow(Duration timeout) throws SQLException {
        if (mxBean().orElse(null) instanceof HikariPool pool) {
            return pool.getConnection(timeout.toMillis());
        }
        return dataSource.getConnection();
    }

    private Optional<HikariPoolMXBean> mxBean() {
        return hikari().map(HikariDataSource::getHikariPoolMXBean);
    }

}
