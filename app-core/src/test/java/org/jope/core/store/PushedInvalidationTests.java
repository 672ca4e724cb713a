package org.jope.core.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.jope.core.config.InvalidationMode;
import org.jope.core.config.JopeConfig;
import org.jope.core.config.JopeSettings;
import org.jope.core.store.sync.LogFollower;
import org.jope.core.testing.Http;
import org.jope.core.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one real PostgreSQL with pushed invalidations, and what happens when the push fails: the
 * listening backend killed, PostgreSQL restarted under load, the log trimmed past an idle instance.
 */
class PushedInvalidationTests {

    private static final Pattern VERSION = Pattern.compile(">v(\\d+)<");

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path directory;

    private EmbeddedPostgres postgres;

    @BeforeEach
    void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pgdata"))
                .setCleanDataDirectory(false).start();
    }

    @AfterEach
    void stopPostgres() throws Exception {
        postgres.close();
    }

    /**
     * Each write through A reaches B's cache by the push alone, within a bound generous enough for a loaded test
     * machine (bench/visibility measures the real figures), and B serves its reads from the cache meanwhile.
     */
    @Test
    void aWriteThroughAIsSeenThroughBWithinTheBound() throws Exception {
        try (Site a = site("a", InvalidationMode.PUSH); Site b = site("b", InvalidationMode.PUSH)) {
            await("b listens", () -> b.application().store().cacheIsCurrent());
            List<Long> micros = new ArrayList<>();
            for (int round = 1; round <= 50; round++) {
                assertThat(a.manager().put("/seen", "text/plain", "v" + round).statusCode()).isIn(200, 201);
                long written = System.nanoTime();
                long deadline = written + Duration.ofSeconds(10).toNanos();
                while (version(b.anonymous().get("/seen").body()) < round && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                micros.add((System.nanoTime() - written) / 1000);
                assertThat(version(b.anonymous().get("/seen").body())).as("round %d", round).isEqualTo(round);
            }
            micros.sort(null);
            System.out.printf("pushed visibility over 50 writes: p50 %d us, max %d us%n", micros.get(25),
                    micros.get(49));
            assertThat(micros.get(49)).as("slowest visibility, in microseconds").isLessThan(2_000_000);
            assertThat(b.application().store().cacheIsCurrent()).isTrue();
        }
    }

    /**
     * Pushed, read-only transactions on cached objects hold no store connection, however many are open: a cache hit
     * does no SQL. Polled, each transaction that polls holds one.
     */
    @Test
    void pushedCacheHitsBorrowNoConnectionAndPolledOnesDo() throws Exception {
        try (Site pushed = site("pushed", InvalidationMode.PUSH); Site polled = site("polled", InvalidationMode.POLL)) {
            await("the pushed instance listens", () -> pushed.application().store().cacheIsCurrent());
            assertThat(activeConnectionsWhileReadingCached(pushed.application().store())).isZero();
            assertThat(activeConnectionsWhileReadingCached(polled.application().store())).isPositive();
        }
    }

    /** On a data source that the caller owns, the listener holds one of its connections, and gives it back on close. */
    @Test
    void onTheCallersDataSourceTheListenerHoldsOneConnectionUntilClosed() throws Exception {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(3);
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            JopeConfig config = JopeConfig.builder()
                    .storeUrl(postgres.getJdbcUrl("postgres", "postgres")).build();
            try (ObjectStore store = ObjectStore.open(config, dataSource)) {
                await("the store listens", store::cacheIsCurrent);
                assertThat(dataSource.getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
            }
            await("the listener's connection is back", () -> dataSource.getHikariPoolMXBean()
                    .getActiveConnections() == 0);
        }
    }

    /** Opens five read-only transactions that read the cached root, and counts the pool's busy connections. */
    private static int activeConnectionsWhileReadingCached(ObjectStore store) {
        try (Transaction warm = store.begin(null, true)) {
            warm.root();
        }
        List<Transaction> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                Transaction transaction = store.begin(null, true);
                open.add(transaction);
                transaction.root();
            }
            return ((HikariDataSource) store.dataSource()).getHikariPoolMXBean()
                    .getActiveConnections();
        }
        finally {
            open.forEach(Transaction::close);
        }
    }

    /**
     * B's listening backend is killed, three times, while A goes on writing. Each time B listens again by itself,
     * and from then on no read through B shows a version older than the last one A acknowledged before that.
     */
    @Test
    void aKilledListenerCatchesUpAndLeavesNoStaleRead() throws Exception {
        try (Site a = site("a", InvalidationMode.PUSH); Site b = site("b", InvalidationMode.PUSH)) {
            assertThat(a.manager().put("/counter", "text/plain", "v0").statusCode()).isEqualTo(201);
            await("b listens", () -> b.application().store().cacheIsCurrent());
            AtomicLong acknowledged = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> writes = writer.submit(() -> {
                for (long n = 1; !stop.get(); n++) {
                    if (a.manager().put("/counter", "text/plain", "v" + n).statusCode() == 200) {
                        acknowledged.set(n);
                    }
                }
                return null;
            });
            try {
                for (int kill = 0; kill < 3; kill++) {
                    long before = acknowledged.get();
                    await("a writes", () -> acknowledged.get() > before + 5);
                    long pid = listenerPid(b);
                    assertThat(terminate(pid)).isTrue();
                    await("b listens on a new backend", () -> {
                        long now = listenerPid(b);
                        return now != 0 && now != pid && b.application().store().cacheIsCurrent();
                    });
                    long lastBeforeRecovery = acknowledged.get();
                    for (int read = 0; read < 20; read++) {
                        assertThat(version(b.anonymous().get("/counter").body())).as("kill %d, read %d", kill, read)
                                .isGreaterThanOrEqualTo(lastBeforeRecovery);
                    }
                }
            }
            finally {
                stop.set(true);
                writes.get(1, TimeUnit.MINUTES);
                writer.shutdown();
            }
        }
    }

    /**
     * PostgreSQL stops and starts again while both instances write. Both serve again by themselves, and every
     * create that was answered 201, before, during or after, is listed through both.
     */
    @Test
    void postgresRestartedUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        int port = postgres.getPort();
        try (Site a = site("a", InvalidationMode.PUSH); Site b = site("b", InvalidationMode.PUSH)) {
            assertThat(a.manager().post("/", "{\"name\":\"load\",\"type\":\"folder\"}").statusCode()).isEqualTo(201);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicLong[] counts = { new AtomicLong(), new AtomicLong() };
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                Http target = w == 0 ? a.manager() : b.manager();
                String prefix = w == 0 ? "a" : "b";
                AtomicLong count = counts[w];
                writes.add(writers.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String name = prefix + "-" + n;
                        if (target.put("/load/" + name, "text/plain", name).statusCode() == 201) {
                            acknowledged.add(name);
                            count.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            try {
                await("both write", () -> counts[0].get() >= 20 && counts[1].get() >= 20);
                postgres.close();
                postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pgdata"))
                        .setCleanDataDirectory(false).setPort(port).start();
                long afterA = counts[0].get();
                long afterB = counts[1].get();
                await("both write again", () -> counts[0].get() >= afterA + 20 && counts[1].get() >= afterB + 20);
            }
            finally {
                stop.set(true);
                for (Future<?> write : writes) {
                    write.get(1, TimeUnit.MINUTES);
                }
                writers.shutdown();
            }
            await("a lists every acknowledged create", () -> children(a, "/load").containsAll(acknowledged));
            await("b lists every acknowledged create", () -> children(b, "/load").containsAll(acknowledged));
            await("both listen again", () -> a.application().store().cacheIsCurrent()
                    && b.application().store().cacheIsCurrent());
            System.out.printf("postgres restart: %d creates acknowledged, all kept%n", acknowledged.size());
        }
    }

    /**
     * The log is trimmed every second while A writes. B polls and sits idle past the horizon with an old version
     * cached; its next read finds the entries it needed gone, drops its whole cache, says so once, and reads the
     * current version.
     */
    @Test
    void anInstanceBehindTheHorizonDropsItsCacheAndReadsCorrectly() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(LogFollower.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (Site a = site("a", InvalidationMode.PUSH, "1s"); Site b = site("b", InvalidationMode.POLL, "1s")) {
            assertThat(a.manager().put("/kept", "text/plain", "v1").statusCode()).isEqualTo(201);
            assertThat(version(b.anonymous().get("/kept").body())).as("b caches v1").isEqualTo(1);
            long bRead = b.application().store().lastSeenCommit();
            assertThat(a.manager().put("/kept", "text/plain", "v2").statusCode()).isEqualTo(200);
            long changed = newestCommit();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong created = new AtomicLong();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> writes = writer.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    if (a.manager().put("/w" + n, "text/plain", "w").statusCode() == 201) {
                        created.incrementAndGet();
                    }
                }
                return null;
            });
            try {
                await("the log is trimmed past v2", () -> trimmedThrough() >= changed);
                assertThat(b.application().store().lastSeenCommit()).as("b was idle").isEqualTo(bRead);
                assertThat(version(b.anonymous().get("/kept").body())).isEqualTo(2);
                assertThat(version(b.anonymous().get("/kept").body())).isEqualTo(2);
            }
            finally {
                stop.set(true);
                writes.get(1, TimeUnit.MINUTES);
                writer.shutdown();
            }
            assertThat(events.list).filteredOn((event) -> event.getFormattedMessage()
                    .startsWith("Dropped the whole object cache: this process last read commit " + bRead + " "))
                    .hasSize(1);
            assertThat(created.get()).isPositive();
            assertThat(children(b, "/")).hasSizeGreaterThanOrEqualTo((int) created.get());
            assertThat(logRows()).as("the log keeps about a second's commits").isLessThan(created.get() + 3);
        }
        finally {
            logger.detachAppender(events);
        }
    }

    private Site site(String name, InvalidationMode mode) throws Exception {
        return site(name, mode, "1h");
    }

    private Site site(String name, InvalidationMode mode, String retention) throws Exception {
        return Site.start(directory.resolve(name), (config) -> config
                .storeUrl(postgres.getJdbcUrl("postgres", "postgres"))
                .poolTimeout(Duration.ofSeconds(1))
                .invalidation(mode)
                .transactionLogRetention(JopeSettings.TRANSACTION_LOG_RETENTION.parser()
                        .parse("retention", retention)));
    }

    /** The version a page written as "vN" shows, or -1 when it shows none (an error page, say). */
    private static long version(String body) {
        Matcher matcher = VERSION.matcher(body);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** The backend of the site's listening connection, or 0 while it has none. */
    private long listenerPid(Site site) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            select.setString(1, "jope-listen-" + site.application().store().origin());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    private boolean terminate(long pid) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_terminate_backend(" + pid + ")")) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private long newestCommit() throws SQLException {
        return queryLong("SELECT MAX(commit_seq) FROM jope_txn");
    }

    private long trimmedThrough() throws SQLException {
        return queryLong("SELECT trimmed_through FROM jope_txn_horizon");
    }

    private long logRows() throws SQLException {
        return queryLong("SELECT COUNT(*) FROM jope_txn");
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> children(Site site, String path) {
        try {
            JsonNode folder = mapper.readTree(site.anonymous().get(path + "/@@json").body());
            List<String> names = new ArrayList<>();
            folder.path("children").forEach((child) -> names.add(child.get("name").asText()));
            return names;
        }
        catch (Exception ex) {
            return List.of();
        }
    }

    /** Waits until the condition holds, for at most a minute; a condition that throws is false for now. */
    private static void await(String what, Check condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            }
            catch (Exception ex) {
                // The database is away; ask again.
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("Timed out waiting until " + what);
    }

    @FunctionalInterface
    private interface Check {

        boolean holds() throws Exception;

    }

}
