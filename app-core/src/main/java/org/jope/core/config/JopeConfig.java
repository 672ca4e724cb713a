package org.jope.core.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the core needs to start, as plain values: the analogue of zope.conf. The defaults are those of
 * {@link JopeSettings}, the one table of the core's keys, and follow Zope's: a pool of 7 store connections, a cache
 * of 5000 objects, 3 conflict retries.
 *
 * @param storeUrl JDBC URL of the store: {@code jdbc:h2:file:...} embedded, {@code jdbc:postgresql:...} shared
 * @param storeUsername database user, or null
 * @param storePassword database password, or null
 * @param poolSize store connections in the pool
 * @param poolTimeout how long a request waits for a store connection before it is answered 503
 * @param cacheSize objects kept in the object cache
 * @param maxConflictRetries how often a request that hit a write conflict is run again
 * @param conflictBackoff the unit of the random backoff: retry n waits up to {@code conflictBackoff * 2^n}
 * @param debugExceptions let exceptions reach the servlet container instead of the exception views
 * @param initUser the file of managers, {@code name:{bcrypt}hash} a line
 * @param maxRequestBodySize the largest request body accepted, in bytes
 * @param invalidation how a shared store's cache learns of other processes' commits: pushed or polled
 * @param transactionLogRetention how long the transaction log keeps a commit; an instance cut off for longer drops its
 * whole cache when it comes back
 * @param loginThrottleWindow how long failed logins are counted from the first, and a throttled client refused
 * @param loginFailuresPerAddress failed logins from one client address within a window before it is throttled
 * @param loginFailuresPerUser failed logins as one user name, from any address, within a window before it is
 * throttled
 * @param requestBodyMemory the bytes of request bodies the heap may hold at once, over all requests; null for the
 * share of the maximum heap that {@code org.jope.core.http.BodyMemory} derives
 * @param bodyTimeout the longest silence while a request body is read before the request is answered 408
 */
public record JopeConfig(String storeUrl, String storeUsername, String storePassword, int poolSize,
        Duration poolTimeout, long cacheSize, int maxConflictRetries, Duration conflictBackoff,
        boolean debugExceptions, Path initUser, long maxRequestBodySize, InvalidationMode invalidation,
        Duration transactionLogRetention, Duration loginThrottleWindow, int loginFailuresPerAddress,
        int loginFailuresPerUser, Long requestBodyMemory, Duration bodyTimeout) {

    public JopeConfig {
        requireAtLeast("pool size", poolSize, 1);
        requireAtLeast("cache size", cacheSize, 0);
        requireAtLeast("max conflict retries", maxConflictRetries, 0);
        requireAtLeast("max request body size", maxRequestBodySize, 0);
        requireAtLeast("login failures per address", loginFailuresPerAddress, 1);
        requireAtLeast("login failures per user", loginFailuresPerUser, 1);
        if (requestBodyMemory != null) {
            requireAtLeast("request body memory", requestBodyMemory, 1);
        }
        if (bodyTimeout.isZero() || bodyTimeout.isNegative()) {
            throw new IllegalArgumentException("The body timeout must be more than zero, not " + bodyTimeout);
        }
        if (loginThrottleWindow.isZero() || loginThrottleWindow.isNegative()) {
            throw new IllegalArgumentException("The login throttle window must be more than zero, not "
                    + loginThrottleWindow);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireAtLeast(String what, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("The " + what + " must be at least " + minimum + ", not " + value);
        }
    }

    /** Starts from the defaults; set only what differs. */
    public static final class Builder {

        private String storeUrl = JopeSettings.STORE_URL.defaultValue();

        private String storeUsername = JopeSettings.STORE_USERNAME.defaultValue();

        private String storePassword = JopeSettings.STORE_PASSWORD.defaultValue();

        private int poolSize = JopeSettings.POOL_SIZE.defaultValue();

        private Duration poolTimeout = JopeSettings.POOL_TIMEOUT.defaultValue();

        private long cacheSize = JopeSettings.CACHE_SIZE.defaultValue();

        private int maxConflictRetries = JopeSettings.MAX_CONFLICT_RETRIES.defaultValue();

        private Duration conflictBackoff = JopeSettings.CONFLICT_BACKOFF.defaultValue();

        private boolean debugExceptions = JopeSettings.DEBUG_EXCEPTIONS.defaultValue();

        private Path initUser = JopeSettings.INITUSER.defaultValue();

        private long maxRequestBodySize = JopeSettings.MAX_REQUEST_BODY_SIZE.defaultValue();

        private InvalidationMode invalidation = JopeSettings.INVALIDATION.defaultValue();

        private Duration transactionLogRetention = JopeSettings.TRANSACTION_LOG_RETENTION.defaultValue();

        private Duration loginThrottleWindow = JopeSettings.LOGIN_THROTTLE_WINDOW.defaultValue();

        private int loginFailuresPerAddress = JopeSettings.LOGIN_FAILURES_PER_ADDRESS.defaultValue();

        private int loginFailuresPerUser = JopeSettings.LOGIN_FAILURES_PER_USER.defaultValue();

        private Long requestBodyMemory = JopeSettings.REQUEST_BODY_MEMORY.defaultValue();

        private Duration bodyTimeout = JopeSettings.BODY_TIMEOUT.defaultValue();

        private Builder() {
        }

        public Builder storeUrl(String storeUrl) {
            this.storeUrl = storeUrl;
            return this;
        }

        public Builder storeCredentials(String username, String password) {
            this.storeUsername = username;
            this.storePassword = password;
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        public Builder poolTimeout(Duration poolTimeout) {
            this.poolTimeout = poolTimeout;
            return this;
        }

        public Builder cacheSize(long cacheSize) {
            this.cacheSize = cacheSize;
            return this;
        }

        public Builder maxConflictRetries(int maxConflictRetries) {
            this.maxConflictRetries = maxConflictRetries;
            return this;
        }

        public Builder conflictBackoff(Duration conflictBackoff) {
            this.conflictBackoff = conflictBackoff;
            return this;
        }

        public Builder debugExceptions(boolean debugExceptions) {
            this.debugExceptions = debugExceptions;
            return this;
        }

        public Builder initUser(Path initUser) {
            this.initUser = initUser;
            return this;
        }

        public Builder maxRequestBodySize(long maxRequestBodySize) {
            this.maxRequestBodySize = maxRequestBodySize;
            return this;
        }

        public Builder invalidation(InvalidationMode invalidation) {
            this.invalidation = invalidation;
            return this;
        }

        public Builder transactionLogRetention(Duration transactionLogRetention) {
            this.transactionLogRetention = transactionLogRetention;
            return this;
        }

        public Builder loginThrottle(Duration window, int failuresPerAddress, int failuresPerUser) {
            this.loginThrottleWindow = window;
            this.loginFailuresPerAddress = failuresPerAddress;
            this.loginFailuresPerUser = failuresPerUser;
            return this;
        }

        /** @param requestBodyMemory in bytes, or null to derive it from the maximum heap */
        public Builder requestBodyMemory(Long requestBodyMemory) {
            this.requestBodyMemory = requestBodyMemory;
            return this;
        }

        public Builder bodyTimeout(Duration bodyTimeout) {
            this.bodyTimeout = bodyTimeout;
            return this;
        }

        public JopeConfig build() {
            return new JopeConfig(storeUrl, storeUsername, storePassword, poolSize, poolTimeout, cacheSize,
                    maxConflictRetries, conflictBackoff, debugExceptions, initUser, maxRequestBodySize, invalidation,
                    transactionLogRetention, loginThrottleWindow, loginFailuresPerAddress, loginFailuresPerUser,
                    requestBodyMemory, bodyTimeout);
        }

    }

}
