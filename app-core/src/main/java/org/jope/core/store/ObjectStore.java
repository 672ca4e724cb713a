package org.jope.core.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.jope.core.config.InvalidationMode;
import org.jope.core.config.JopeConfig;
import org.jope.core.store.sql.ObjectTable;
import org.jope.core.store.sql.StoreSchema;
import org.jope.core.store.sql.TransactionLog;
import org.jope.core.store.sync.CacheSync;
import org.jope.core.store.sync.InvalidationListener;
import org.jope.core.store.sync.LogFollower;
import org.jope.core.store.sync.LogTrimmer;

/**
 * The transactional object store: a pooled JDBC database holding the content tree, with a shared object cache in
 * front of it. Requests work on it through a {@link Transaction} each.
 */
public final class ObjectStore implements AutoCloseable {

    /**
     * The object cache holds at most this share of the maximum heap in bytes (an eighth); what request bodies may
     * hold is counted apart from it, by {@code org.jope.core.http.BodyMemory}.
     */
    private static final int CACHE_SHARE_OF_HEAP = 8;

    private final StoreLocation location;

    private final DataSource dataSource;

    private final AutoCloseable ownedPool;

    private final ObjectCache cache;

    private final ObjectTable objects;

    private final TransactionLog log;

    /** Marks this process's entries in the transaction log, so that its poller can skip them. */
    private final String origin = UUID.randomUUID().toString();

    /** How the cache follows other processes' commits; null on the embedded store, whose process makes them all. */
    private final CacheSync sync;

    private final LogTrimmer trimmer;

    /** Held across a commit and its cache update, so that the cache sees commits in database order. */
    private final ReentrantLock commitLock = new ReentrantLock();

    /**
     * @param listeningConnections opens the invalidation listener's connection: outside the pool, which would lose a
     * connection to it for good, when the store owns its pool; one of the data source's when the caller owns that
     */
    private ObjectStore(StoreLocation location, DataSource dataSource, AutoCloseable ownedPool,
            Callable<Connection> listeningConnections, JopeConfig config) {
        this.location = location;
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.cache = new ObjectCache(config.cacheSize(), Runtime.getRuntime().maxMemory() / CACHE_SHARE_OF_HEAP);
        this.objects = new ObjectTable(location.dialect());
        this.log = new TransactionLog(location.dialect());
        long lastSeen = createAndSeed();
        this.sync = location.shared() ? startSync(config, lastSeen, listeningConnections) : null;
        this.trimmer = new LogTrimmer(dataSource, log, config.transactionLogRetention());
    }

    /**
     * Opens the store that the config names, with a connection pool of its own. An embedded store is locked first,
     * so that a second process fails here, before it has opened the database or served anything.
     */
    public static ObjectStore open(JopeConfig config) {
        StoreLocation location = StoreLocation.of(config.storeUrl());
        requireDriver(location);
        StoreLock lock = location.lockFile().map(StoreLock::acquire).orElse(null);
        try {
            HikariDataSource pool = new HikariDataSource(poolConfig(config, location));
            AutoCloseable release = () -> {
                try (lock) {
                    pool.close();
                }
            };
            try {
                return new ObjectStore(location, pool, release, () -> unpooledConnection(config, location), config);
            }
            catch (RuntimeException ex) {
                pool.close();
                throw ex;
            }
        }
        catch (RuntimeException ex) {
            if (lock != null) {
                lock.close();
            }
            throw ex;
        }
    }

    /**
     * Opens the store on a data source that the caller owns and closes. Its connections must not auto-commit.
     */
    public static ObjectStore open(JopeConfig config, DataSource dataSource) {
        StoreLocation location = StoreLocation.of(config.storeUrl());
        return new ObjectStore(location, dataSource, () -> { }, dataSource::getConnection, config);
    }

    public Transaction begin(String user, boolean readOnly) {
        return new Transaction(this, user, readOnly, Set.of(), false);
    }

    /**
     * A transaction for the retry of a conflicted request: it reads the objects it conflicted on under a row lock,
     * and on a shared store it reads the log for other processes' commits first, since the conflict itself says
     * that it missed one.
     */
    public Transaction beginRetry(String user, boolean readOnly, Set<Long> contended) {
        return new Transaction(this, user, readOnly, contended, true);
    }

    /**
     * Whether the cache follows every committed change without asking the database: on the embedded store always,
     * since this process makes every commit; on the shared store while pushed invalidations arrive. A read may then
     * be answered from the cache alone.
     */
    public boolean cacheIsCurrent() {
        return sync == null || sync.cacheIsCurrent();
    }

    public StoreLocation location() {
        return location;
    }

    public ObjectCache cache() {
        return cache;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    String origin() {
        return origin;
    }

    /**
     * On a shared store, drops from the cache what other processes committed before the transaction began, unless
     * pushed invalidations keep the cache current and the transaction only reads; nothing on an embedded one.
     */
    void catchUp(Transaction transaction, boolean writes) {
        if (sync == null) {
            return;
        }
        try {
            sync.beforeTransaction(transaction::connection, writes);
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("read the transaction log", ex);
        }
    }

    /** How far this process has read the transaction log, for tests; 0 on the embedded store. */
    long lastSeenCommit() {
        return sync == null ? 0 : sync.follower().lastSeen();
    }

    ReentrantLock commitLock() {
        return commitLock;
    }

    ObjectTable objects() {
        return objects;
    }

    TransactionLog log() {
        return log;
    }

    Connection borrowConnection() {
        try {
            return dataSource.getConnection();
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("borrow a store connection", ex);
        }
    }

    @Override
    public void close() {
        trimmer.close();
        if (sync != null) {
            sync.close();
        }
        try {
            ownedPool.close();
        }
        catch (Exception ex) {
            throw new IllegalStateException("Could not close the store's connection pool", ex);
        }
    }

    /**
     * Creates and seeds the schema where it is missing; returns the commit from which this process reads the log:
     * the newest, or the horizon of a log trimmed empty.
     */
    private long createAndSeed() {
        try (Connection connection = dataSource.getConnection()) {
            StoreSchema.createAndSeed(connection, location.dialect(), objects, log);
            long from = Math.max(log.newestCommit(connection), log.trimmedThrough(connection));
            connection.rollback();
            return from;
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("create the store's schema", ex);
        }
    }

    private CacheSync startSync(JopeConfig config, long lastSeen, Callable<Connection> listeningConnections) {
        LogFollower follower = new LogFollower(cache, log, origin, lastSeen);
        if (config.invalidation() == InvalidationMode.POLL) {
            return CacheSync.polled(follower);
        }
        return CacheSync.pushed(follower, new InvalidationListener(follower, listeningConnections,
                "jope-listen-" + origin));
    }

    /** The shared store's driver is the user's to add; say so plainly rather than with DriverManager's words. */
    private static void requireDriver(StoreLocation location) {
        try {
            DriverManager.getDriver(location.jdbcUrl());
        }
        catch (SQLException ex) {
            throw new StoreDriverMissingException(location.url(), location.dialect().driverDependency(), ex);
        }
    }

    /**
     * A connection of its own for the invalidation listener. It reads only the log, so a socket timeout of a few
     * heartbeats turns a connection that died silently into an error, and the listener into polling, within seconds.
     */
    private static Connection unpooledConnection(JopeConfig config, StoreLocation location) throws SQLException {
        Properties properties = new Properties();
        if (config.storeUsername() != null) {
            properties.setProperty("user", config.storeUsername());
        }
        if (config.storePassword() != null) {
            properties.setProperty("password", config.storePassword());
        }
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(location.jdbcUrl(), properties);
    }

    private static HikariConfig poolConfig(JopeConfig config, StoreLocation location) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("jope-store");
        pool.setJdbcUrl(location.jdbcUrl());
        pool.setUsername(config.storeUsername());
        pool.setPassword(config.storePassword());
        // A fixed-size pool, as HikariCP recommends: pool-size is the hard cap on concurrent store work.
        pool.setMaximumPoolSize(config.poolSize());
        pool.setMinimumIdle(config.poolSize());
        pool.setConnectionTimeout(Math.max(250, config.poolTimeout().toMillis()));
        pool.setAutoCommit(false);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return pool;
    }

}
