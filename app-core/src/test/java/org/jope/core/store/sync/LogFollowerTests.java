package org.jope.core.store.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.jope.core.store.sql.ObjectTable;
import org.jope.core.store.sql.SqlDialect;
import org.jope.core.store.sql.StoreSchema;
import org.jope.core.store.sql.TransactionLog;

import static org.assertj.core.api.Assertions.assertThat;

/** Polls of a real log (an H2 database in memory): coalesced, one at a time, and never one that began too early. */
class LogFollowerTests {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private final TransactionLog log = new TransactionLog(SqlDialect.H2);

    private Connection keepAlive;

    /** The polls' connections, which a transaction would close when it ends. */
    private final List<Connection> lent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createStore() throws SQLException {
        keepAlive = connect();
        StoreSchema.createAndSeed(keepAlive, SqlDialect.H2, new ObjectTable(SqlDialect.H2), log);
    }

    @AfterEach
    void dropStore() throws SQLException {
        for (Connection connection : lent) {
            connection.close();
        }
        keepAlive.close();
    }

    /**
     * The first poll has read the log and is still dropping what it read when another commit lands and a second
     * transaction arrives: that transaction must not go on with the first poll's result, which misses the commit.
     */
    @Test
    void aTransactionThatArrivesDuringAPollWaitsForTheNextOne() throws Exception {
        CountDownLatch firstPollInvalidating = new CountDownLatch(1);
        CountDownLatch releaseFirstPoll = new CountDownLatch(1);
        List<Collection<Long>> dropped = new CopyOnWriteArrayList<>();
        LogFollower follower = new LogFollower(new InvalidatedCache() {

            @Override
            public void invalidate(Collection<Long> oids) {
                dropped.add(List.copyOf(oids));
                if (dropped.size() == 1) {
                    firstPollInvalidating.countDown();
                    await(releaseFirstPoll);
                }
            }

            @Override
            public void dropAll() {
            }

        }, log, "this", lastCommit());
        commit(101);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> {
                follower.awaitPoll(this::connectUnchecked);
                return null;
            });
            assertThat(firstPollInvalidating.await(10, TimeUnit.SECONDS)).isTrue();
            commit(202);
            Future<?> second = threads.submit(() -> {
                follower.awaitPoll(this::connectUnchecked);
                return null;
            });
            releaseFirstPoll.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(dropped).containsExactly(List.of(101L), List.of(202L));
        }
        finally {
            threads.shutdownNow();
        }
    }

    /**
     * Many transactions at once: one poll at a time, and only the thread that polls borrows a connection. How many
     * polls they shared depends on how the threads overlapped, so it is printed, not checked.
     */
    @Test
    void concurrentPollsCoalesceAndOnlyThePollerBorrowsAConnection() throws Exception {
        LogFollower follower = new LogFollower(new Ignored(), log, "this", lastCommit());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        AtomicInteger borrowed = new AtomicInteger();
        Supplier<Connection> counting = () -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            borrowed.incrementAndGet();
            try {
                return connectUnchecked();
            }
            finally {
                inFlight.decrementAndGet();
            }
        };
        int transactions = 8 * 200;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < transactions; i++) {
                results.add(threads.submit(() -> {
                    follower.awaitPoll(counting);
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(1, TimeUnit.MINUTES);
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(mostInFlight.get()).isEqualTo(1);
        System.out.printf("log follower: %d polls for %d transactions%n", borrowed.get(), transactions);
    }

    /** Trimmed past what was read: the whole cache goes, once for that horizon, and the follower moves on. */
    @Test
    void aFollowerBehindTheHorizonDropsEverythingOnce() throws Exception {
        AtomicInteger drops = new AtomicInteger();
        LogFollower follower = new LogFollower(new Ignored() {

            @Override
            public void dropAll() {
                drops.incrementAndGet();
            }

        }, log, "this", lastCommit());
        commit(7);
        try (Connection trimming = connect()) {
            log.trim(trimming, Instant.now().plusSeconds(60));
            trimming.commit();
        }
        try (Connection reading = connect()) {
            follower.catchUp(reading);
            follower.catchUp(reading);
            assertThat(drops.get()).isEqualTo(1);
            assertThat(follower.lastSeen()).isEqualTo(log.trimmedThrough(reading));
        }
    }

    private long lastCommit() throws SQLException {
        try (Connection connection = connect()) {
            return log.newestCommit(connection);
        }
    }

    private void commit(long oid) throws SQLException {
        try (Connection connection = connect()) {
            log.append(connection, log.nextTid(connection), "someone", List.of("/x"), Set.of(oid), "other");
            connection.commit();
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connection.setAutoCommit(false);
        return connection;
    }

    /** A poll's connection, as a transaction lends it. */
    private Connection connectUnchecked() {
        try {
            Connection connection = connect();
            lent.add(connection);
            return connection;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static class Ignored implements InvalidatedCache {

        @Override
        public void invalidate(Collection<Long> oids) {
        }

        @Override
        public void dropAll() {
        }

    }

}
