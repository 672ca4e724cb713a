package org.jope.autoconfigure.logging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Logging events of one logger, kept for a test. Container threads append while the test reads, so the list is a
 * concurrent one; and since a container may write its access line after the response has reached the client, a
 * test waits for a line with a deadline instead of sleeping.
 */
public final class CapturedEvents extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();

    private final Logger logger;

    private CapturedEvents(Logger logger) {
        this.logger = logger;
    }

    public static CapturedEvents of(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        CapturedEvents captured = new CapturedEvents(logger);
        captured.setContext(logger.getLoggerContext());
        captured.setName("captured-" + loggerName);
        captured.start();
        logger.addAppender(captured);
        return captured;
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    public List<String> messages() {
        return events.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Waits until an event matches, and fails if none does by the deadline. */
    public ILoggingEvent await(Predicate<ILoggingEvent> condition, String description) throws InterruptedException {
        return awaitAtLeast(1, condition, description).get(0);
    }

    /** Waits until at least {@code count} events match, and returns the matching events. */
    public List<ILoggingEvent> awaitAtLeast(int count, Predicate<ILoggingEvent> condition, String description)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            List<ILoggingEvent> matching = events.stream().filter(condition).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not " + count + " events " + description + " within " + DEADLINE
                        + "; got " + messages());
            }
            Thread.sleep(5);
        }
    }

    public void clear() {
        events.clear();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }

}
