package org.jope.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import org.jope.core.config.JopeSettings;

/**
 * The {@code jope.*} properties. Spring Boot's own {@code server.port} and {@code server.address} stay as they are;
 * these add what Boot lacks. The defaults follow Zope's.
 *
 * <p>The core's own keys (the store, debug-exceptions, the inituser file, the request body limit) are bound here for
 * the IDE's metadata and Boot's binding errors, but the core's config is read through {@link JopeSettings}, the one
 * reader of those keys, which {@code Jope.create(Path)} uses too. Their defaults are therefore taken from it, and
 * listed in additional-spring-configuration-metadata.json, since the configuration processor cannot see a default
 * that is not a literal.
 */
@ConfigurationProperties("jope")
public class JopeProperties {

    /**
     * Turn off every exception view, the standard error page included, so that exceptions reach the servlet container
     * (zope.conf debug-exceptions, runwsgi -e). The Unauthorized challenge, the login throttle and conflict retries
     * stay on.
     */
    private boolean debugExceptions = JopeSettings.DEBUG_EXCEPTIONS.defaultValue();

    /**
     * Proxies, as IP addresses or CIDR blocks (10.0.0.0/8), whose X-Forwarded-For header names the client in the
     * access log: read from the right, the first address that is not one of these is the client. From any other peer
     * the header is ignored. Empty by default, so the header is never trusted (waitress trusted_proxy).
     */
    private List<String> trustedProxies = new ArrayList<>();

    private final Server server = new Server();

    private final Store store = new Store();

    private final Security security = new Security();

    private final Safety safety = new Safety();

    public boolean isDebugExceptions() {
        return debugExceptions;
    }

    public void setDebugExceptions(boolean debugExceptions) {
        this.debugExceptions = debugExceptions;
    }

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public Server getServer() {
        return server;
    }

    public Store getStore() {
        return store;
    }

    public Security getSecurity() {
        return security;
    }

    public Safety getSafety() {
        return safety;
    }

    public static class Server {

        /**
         * The servlet container: tomcat, jetty or undertow. All three are on the starter's classpath, and this alone
         * picks one.
         */
        private ServerType type = ServerType.TOMCAT;

        /**
         * Worker threads that serve requests. Keep it below jope.store.pool-size, so that every worker can hold a
         * store connection; 4 is Zope's long-standing safe choice.
         */
        private int threads = 4;

        /**
         * The largest request body accepted; a larger one is answered 413 before it is read. A body is held in the
         * heap, so jope.server.request-body-memory may bound it further.
         */
        private DataSize maxRequestBodySize = DataSize.ofBytes(JopeSettings.MAX_REQUEST_BODY_SIZE.defaultValue());

        /**
         * The bytes of request bodies the heap may hold at once, over all requests. One request may take all of it,
         * so it also bounds the largest body; requests that together would pass it are answered 503 with
         * Retry-After. Unset, it is a sixth of the maximum heap (-Xmx): a write needs several times its body at
         * its peak.
         */
        private DataSize requestBodyMemory;

        /**
         * Put the exception's class, message and stack trace in the 500 answer to an exception that
         * debug-exceptions lets through (waitress's expose_tracebacks). Never on a server that strangers reach.
         */
        private boolean exposeTracebacks;

        /**
         * How long a connection may stay idle, or sit on a partial request head, before the container closes it
         * (waitress's channel_timeout).
         */
        private Duration channelTimeout = Duration.ofSeconds(120);

        /**
         * Open connections the container holds at most; past it new connections wait in the operating system's
         * backlog until one closes, and are never reset (waitress's connection_limit).
         */
        private int connectionLimit = 1000;

        /**
         * Connections the operating system holds for the container before it accepts them (waitress's backlog).
         * A connection that finds it full is not refused: its handshake is dropped and retried a second later, then
         * two, four and more, so a burst of clients larger than it waits seconds before the container sees it. Linux
         * caps it at net.core.somaxconn.
         */
        private int backlog = 1024;

        /**
         * The longest silence while a request body is being read: a client that stalls for this long in the middle
         * of its body is answered 408 and its connection closed, so that it gives its worker back.
         */
        private Duration bodyTimeout = JopeSettings.BODY_TIMEOUT.defaultValue();

        /**
         * The longest a request may wait for a worker, counted from the container's arrival time for it; one that
         * waited longer is answered 503 with Retry-After before it reaches the store. An idle or ordinarily busy site
         * never waits this long: 10 s is what the stall watchdog already calls a stall.
         */
        private Duration queueTimeout = Duration.ofSeconds(10);

        public ServerType getType() {
            return type;
        }

        public void setType(ServerType type) {
            this.type = type;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("jope.server.threads must be at least 1");
            }
            this.threads = threads;
        }

        public boolean isExposeTracebacks() {
            return exposeTracebacks;
        }

        public void setExposeTracebacks(boolean exposeTracebacks) {
            this.exposeTracebacks = exposeTracebacks;
        }

        public Duration getChannelTimeout() {
            return channelTimeout;
        }

        public void setChannelTimeout(Duration channelTimeout) {
            this.channelTimeout = positive("jope.server.channel-timeout", channelTimeout, "120s");
        }

        public Duration getBodyTimeout() {
            return bodyTimeout;
        }

        public void setBodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = positive("jope.server.body-timeout", bodyTimeout, "20s");
        }

        public Duration getQueueTimeout() {
            return queueTimeout;
        }

        public void setQueueTimeout(Duration queueTimeout) {
            this.queueTimeout = positive("jope.server.queue-timeout", queueTimeout, "10s");
        }

        public int getConnectionLimit() {
            return connectionLimit;
        }

        public void setConnectionLimit(int connectionLimit) {
            if (connectionLimit < 1) {
                throw new IllegalArgumentException("jope.server.connection-limit must be at least 1, such as 1000; "
                        + "set it to a whole number of connections, or remove it to keep the default of 1000");
            }
            this.connectionLimit = connectionLimit;
        }

        public int getBacklog() {
            return backlog;
        }

        public void setBacklog(int backlog) {
            if (backlog < 1) {
                throw new IllegalArgumentException("jope.server.backlog must be at least 1, such as 1024; "
                        + "set it to a whole number of connections, or remove it to keep the default of 1024");
            }
            this.backlog = backlog;
        }

        public DataSize getMaxRequestBodySize() {
            return maxRequestBodySize;
        }

        public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
            this.maxRequestBodySize = maxRequestBodySize;
        }

        public DataSize getRequestBodyMemory() {
            return requestBodyMemory;
        }

        public void setRequestBodyMemory(DataSize requestBodyMemory) {
            this.requestBodyMemory = requestBodyMemory;
        }

    }

    /** A duration the container counts in milliseconds: at least one, so that zero never means "forever". */
    static Duration positive(String key, Duration value, String example) {
        if (value == null || value.toMillis() < 1) {
            throw new IllegalArgumentException(key + " must be a duration of at least 1ms, such as " + example
                    + "; set it so, or remove it to keep the default of " + example);
        }
        return value;
    }

    public static class Store {

        /**
         * JDBC URL of the store. jdbc:h2:file:PATH is the embedded store, for one process; jdbc:postgresql://HOST/DB
         * is the shared store, for several.
         */
        private String url = JopeSettings.STORE_URL.defaultValue();

        /** Database user of the store. */
        private String username = JopeSettings.STORE_USERNAME.defaultValue();

        /** Database password of the store. */
        private String password = JopeSettings.STORE_PASSWORD.defaultValue();

        /** Store connections in the pool (ZODB's pool-size). */
        private int poolSize = JopeSettings.POOL_SIZE.defaultValue();

        /** How long a request waits for a free store connection before it is answered 503 with Retry-After. */
        private Duration poolTimeout = JopeSettings.POOL_TIMEOUT.defaultValue();

        /** Objects kept in the object cache, which serves hot reads without touching the database. */
        private long cacheSize = JopeSettings.CACHE_SIZE.defaultValue();

        /** How often a request that met a write conflict is run again before it is answered 503. */
        private int maxConflictRetries = JopeSettings.MAX_CONFLICT_RETRIES.defaultValue();

        /** Unit of the random backoff between conflict retries: retry n waits up to this times 2^(n+1). */
        private Duration conflictBackoff = JopeSettings.CONFLICT_BACKOFF.defaultValue();

        /**
         * How an instance on the shared store learns of other instances' commits, to drop them from its object cache:
         * push (PostgreSQL announces each commit to a listening connection, so a cache hit does no SQL and a write
         * reaches the other instances within milliseconds) or poll (every transaction reads the transaction log
         * first, so a write through one instance is seen by the next request through any other). The embedded store
         * needs neither. Bound as text, so that a bad value gets the core's error, which names both modes.
         */
        private String invalidation = JopeSettings.INVALIDATION.defaultText();

        private final TransactionLog transactionLog = new TransactionLog();

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public int getPoolSize() {
            return poolSize;
        }

        public void setPoolSize(int poolSize) {
            if (poolSize < 1) {
                throw new IllegalArgumentException("jope.store.pool-size must be at least 1");
            }
            this.poolSize = poolSize;
        }

        public Duration getPoolTimeout() {
            return poolTimeout;
        }

        public void setPoolTimeout(Duration poolTimeout) {
            this.poolTimeout = poolTimeout;
        }

        public long getCacheSize() {
            return cacheSize;
        }

        public void setCacheSize(long cacheSize) {
            this.cacheSize = cacheSize;
        }

        public int getMaxConflictRetries() {
            return maxConflictRetries;
        }

        public void setMaxConflictRetries(int maxConflictRetries) {
            this.maxConflictRetries = maxConflictRetries;
        }

        public String getInvalidation() {
            return invalidation;
        }

        public void setInvalidation(String invalidation) {
            this.invalidation = invalidation;
        }

        public TransactionLog getTransactionLog() {
            return transactionLog;
        }

        public Duration getConflictBackoff() {
            return conflictBackoff;
        }

        public void setConflictBackoff(Duration conflictBackoff) {
            this.conflictBackoff = conflictBackoff;
        }

    }

    public static class TransactionLog {

        /**
         * How long the store's transaction log keeps a commit before it is trimmed. A running instance reads each
         * commit within moments; one cut off from the database for longer drops its whole object cache when it is
         * back, since the log no longer says what changed.
         */
        private Duration retention = JopeSettings.TRANSACTION_LOG_RETENTION.defaultValue();

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

    }

    public static class Safety {

        /**
         * What to do when the container runs as many request threads as the store has connections, or more: fail the
         * start (fail), log a warning (warn), or say nothing (off). Each worker may hold a store connection, so
         * threads should stay below jope.store.pool-size.
         */
        private ThreadsVsPool threadsVsPool = ThreadsVsPool.FAIL;

        public ThreadsVsPool getThreadsVsPool() {
            return threadsVsPool;
        }

        public void setThreadsVsPool(ThreadsVsPool threadsVsPool) {
            this.threadsVsPool = threadsVsPool;
        }

    }

    public static class Security {

        /**
         * The file of managers, one "name:{bcrypt}hash" a line, as Zope's inituser. Without it the site is read-only.
         */
        private Path inituser = JopeSettings.INITUSER.defaultValue();

        private final LoginThrottle loginThrottle = new LoginThrottle();

        public Path getInituser() {
            return inituser;
        }

        public void setInituser(Path inituser) {
            this.inituser = inituser;
        }

        public LoginThrottle getLoginThrottle() {
            return loginThrottle;
        }

    }

    /**
     * Failed logins per client address and per user name. Past either limit within one window, logins from that
     * address or as that user are answered 429 with Retry-After, without a password check, until the window closes.
     */
    public static class LoginThrottle {

        /**
         * How long failed logins are counted from the first one, and how long a throttled address or user name is
         * then refused: more than zero, at most 1d.
         */
        private Duration window = JopeSettings.LOGIN_THROTTLE_WINDOW.defaultValue();

        /** Failed logins from one client address within a window before that address is throttled. */
        private int failuresPerAddress = JopeSettings.LOGIN_FAILURES_PER_ADDRESS.defaultValue();

        /**
         * Failed logins as one user name, from any address, within a window before that name is throttled. Keep it
         * above failures-per-address, so that one guessing address does not lock the manager out elsewhere.
         */
        private int failuresPerUser = JopeSettings.LOGIN_FAILURES_PER_USER.defaultValue();

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public int getFailuresPerAddress() {
            return failuresPerAddress;
        }

        public void setFailuresPerAddress(int failuresPerAddress) {
            this.failuresPerAddress = failuresPerAddress;
        }

        public int getFailuresPerUser() {
            return failuresPerUser;
        }

        public void setFailuresPerUser(int failuresPerUser) {
            this.failuresPerUser = failuresPerUser;
        }

    }

}
