package org.jope.core.store.sync;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jope.core.store.sql.TransactionLog;

/**
 * Keeps the transaction log from growing forever: on a schedule, it removes the entries older than the retention.
 * A process that listens, or polls, reads each entry within moments of its commit and never needs them again; one
 * cut off for longer than the retention finds the horizon past what it read and drops its cache. Every process trims;
 * the horizon's row lock keeps them in turn, and a second trim finds nothing left to do.
 */
public final class LogTrimmer implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(LogTrimmer.class);

    private static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);

    private static final Duration LONGEST_PERIOD = Duration.ofMinutes(5);

    private final DataSource dataSource;

    private final TransactionLog log;

    private final Duration retention;

    private final ScheduledExecutorService timer;

    private boolean failing;

    public LogTrimmer(DataSource dataSource, TransactionLog log, Duration retention) {
        this.dataSource = dataSource;
        this.log = log;
        this.retention = retention;
        this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "jope-log-trimmer");
            thread.setDaemon(true);
            return thread;
        });
        long period = period(retention).toMillis();
        timer.scheduleWithFixedDelay(this::trim, period, period, TimeUnit.MILLISECONDS);
    }

    /** A tenth of the retention, within bounds: often enough that the log stays near its retention. */
    static Duration period(Duration retention) {
        Duration tenth = retention.dividedBy(10);
        return tenth.compareTo(SHORTEST_PERIOD) < 0 ? SHORTEST_PERIOD
                : tenth.compareTo(LONGEST_PERIOD) > 0 ? LONGEST_PERIOD : tenth;
    }

    private void trim() {
        try (Connection connection = dataSource.getConnection()) {
            try {
                int removed = log.trim(connection, Instant.now().minus(retention));
                connection.commit();
                logger.debug("Trimmed {} entries from the transaction log", removed);
            }
            finally {
                connection.rollback();
            }
            failing = false;
        }
        catch (Exception ex) {
            // An outage is reported by the requests it fails; one line here is enough, and the next trim tries again.
            if (!failing) {
                logger.warn("Could not trim the transaction log: {}", ex.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

}
