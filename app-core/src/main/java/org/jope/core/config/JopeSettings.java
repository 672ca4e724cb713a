package org.jope.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.jope.core.config.ValueParsers.count;
import static org.jope.core.config.ValueParsers.dataSize;
import static org.jope.core.config.ValueParsers.duration;
import static org.jope.core.config.ValueParsers.flag;
import static org.jope.core.config.ValueParsers.oneOf;
import static org.jope.core.config.ValueParsers.path;
import static org.jope.core.config.ValueParsers.positiveDataSize;
import static org.jope.core.config.ValueParsers.positiveDuration;
import static org.jope.core.config.ValueParsers.text;
import static org.jope.core.config.ValueParsers.wholeNumber;

/**
 * The {@code jope.*} keys that the core reads, each with its default and its parser: the one table of them. The
 * starter reads Spring's Environment through it and {@code Jope.create(Path)} reads a YAML file
 * through it, so both take the same keys with the same defaults. {@link JopeConfig.Builder} starts from these
 * defaults too. The defaults follow Zope's: a pool of 7 store connections, a cache of 5000 objects, 3 conflict
 * retries.
 */
public final class JopeSettings {

    public static final ConfigKey<String> STORE_URL = new ConfigKey<>("jope.store.url",
            "jdbc:h2:file:./var/data/jope", text());

    public static final ConfigKey<String> STORE_USERNAME = new ConfigKey<>("jope.store.username", null, text());

    public static final ConfigKey<String> STORE_PASSWORD = new ConfigKey<>("jope.store.password", null, text());

    public static final ConfigKey<Integer> POOL_SIZE = new ConfigKey<>("jope.store.pool-size", "7", wholeNumber(1));

    public static final ConfigKey<Duration> POOL_TIMEOUT = new ConfigKey<>("jope.store.pool-timeout", "5s",
            duration());

    public static final ConfigKey<Long> CACHE_SIZE = new ConfigKey<>("jope.store.cache-size", "5000", count(0));

    public static final ConfigKey<Integer> MAX_CONFLICT_RETRIES = new ConfigKey<>("jope.store.max-conflict-retries",
            "3", wholeNumber(0));

    public static final ConfigKey<Duration> CONFLICT_BACKOFF = new ConfigKey<>("jope.store.conflict-backoff", "10ms",
            duration());

    public static final ConfigKey<InvalidationMode> INVALIDATION = new ConfigKey<>("jope.store.invalidation", "push",
            oneOf(InvalidationMode.class));

    public static final ConfigKey<Duration> TRANSACTION_LOG_RETENTION = new ConfigKey<>(
            "jope.store.transaction-log.retention", "1h", duration("1s"));

    public static final ConfigKey<Boolean> DEBUG_EXCEPTIONS = new ConfigKey<>("jope.debug-exceptions", "false",
            flag());

    public static final ConfigKey<Path> INITUSER = new ConfigKey<>("jope.security.inituser", "./inituser", path());

    public static final ConfigKey<Duration> LOGIN_THROTTLE_WINDOW = new ConfigKey<>(
            "jope.security.login-throttle.window", "5m", positiveDuration("1d"));

    public static final ConfigKey<Integer> LOGIN_FAILURES_PER_ADDRESS = new ConfigKey<>(
            "jope.security.login-throttle.failures-per-address", "10", wholeNumber(1));

    public static final ConfigKey<Integer> LOGIN_FAILURES_PER_USER = new ConfigKey<>(
            "jope.security.login-throttle.failures-per-user", "50", wholeNumber(1));

    public static final ConfigKey<Long> MAX_REQUEST_BODY_SIZE = new ConfigKey<>("jope.server.max-request-body-size",
            "1GB", dataSize());

    /** No default text: unset, it is a share of the maximum heap, which only the running process knows. */
    public static final ConfigKey<Long> REQUEST_BODY_MEMORY = new ConfigKey<>("jope.server.request-body-memory",
            null, positiveDataSize());

    /** Read here for the bodies the publisher reads as they arrive, which the containers' read timeouts miss. */
    public static final ConfigKey<Duration> BODY_TIMEOUT = new ConfigKey<>("jope.server.body-timeout", "20s",
            positiveDuration("1d"));

    /** Every key above, in the order the docs list them. */
    public static final List<ConfigKey<?>> ALL = List.of(STORE_URL, STORE_USERNAME, STORE_PASSWORD, POOL_SIZE,
            POOL_TIMEOUT, CACHE_SIZE, MAX_CONFLICT_RETRIES, CONFLICT_BACKOFF, INVALIDATION, TRANSACTION_LOG_RETENTION,
            DEBUG_EXCEPTIONS, INITUSER, LOGIN_THROTTLE_WINDOW, LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURES_PER_USER,
            MAX_REQUEST_BODY_SIZE, REQUEST_BODY_MEMORY, BODY_TIMEOUT);

    /**
     * Keys that earlier versions read and this one does not, each with what to set instead. They are not an error,
     * so that an old config still starts, but each one set is named in a warning.
     */
    public static final Map<String, String> RETIRED = Map.of("jope.store.poll-interval",
            "jope.store.poll-interval is no longer read: a delayed poll left the cache stale and raised conflicts. "
                    + "Remove it; jope.store.invalidation: push (the default) has every instance's cache follow the "
                    + "others' commits within milliseconds, and poll reads the log before every transaction, as "
                    + "poll-interval: 0s did.");

    private static final Logger logger = LoggerFactory.getLogger(JopeSettings.class);

    private JopeSettings() {
    }

    /**
     * The core's config from {@code lookup}, which gives a key's raw text or null when it is not set; keys it does
     * not set keep their defaults.
     *
     * @throws InvalidConfigValueException for the first value that does not fit its key
     */
    public static JopeConfig read(Function<String, String> lookup) {
        retiredKeysSet(lookup).forEach(logger::warn);
        return JopeConfig.builder()
                .storeUrl(STORE_URL.read(lookup))
                .storeCredentials(STORE_USERNAME.read(lookup), STORE_PASSWORD.read(lookup))
                .poolSize(POOL_SIZE.read(lookup))
                .poolTimeout(POOL_TIMEOUT.read(lookup))
                .cacheSize(CACHE_SIZE.read(lookup))
                .maxConflictRetries(MAX_CONFLICT_RETRIES.read(lookup))
                .conflictBackoff(CONFLICT_BACKOFF.read(lookup))
                .invalidation(INVALIDATION.read(lookup))
                .transactionLogRetention(TRANSACTION_LOG_RETENTION.read(lookup))
                .debugExceptions(DEBUG_EXCEPTIONS.read(lookup))
                .initUser(INITUSER.read(lookup))
                .loginThrottle(LOGIN_THROTTLE_WINDOW.read(lookup), LOGIN_FAILURES_PER_ADDRESS.read(lookup),
                        LOGIN_FAILURES_PER_USER.read(lookup))
                .maxRequestBodySize(MAX_REQUEST_BODY_SIZE.read(lookup))
                .requestBodyMemory(REQUEST_BODY_MEMORY.read(lookup))
                .bodyTimeout(BODY_TIMEOUT.read(lookup))
                .build();
    }

    /** The warning for each retired key that {@code lookup} sets. */
    public static List<String> retiredKeysSet(Function<String, String> lookup) {
        return RETIRED.entrySet().stream().filter((key) -> lookup.apply(key.getKey()) != null)
                .map(Map.Entry::getValue).toList();
    }

}
