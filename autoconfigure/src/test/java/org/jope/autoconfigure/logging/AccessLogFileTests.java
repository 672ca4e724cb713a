package org.jope.autoconfigure.logging;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jope.core.log.AccessLog;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log's file, on a Logback context of its own, with a real file. */
class AccessLogFileTests {

    private final LoggerContext context = new LoggerContext();

    private final Logger logger = context.getLogger(AccessLog.LOGGER_NAME);

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theFormattersBuilderAndAnyOtherMessageAreWrittenLineByLine() throws Exception {
        Path file = directory.resolve("access.log");
        AccessLogFile appender = start(file, Duration.ZERO, 100 * 1024 * 1024);
        logger.info(AccessLog.LINE, new StringBuilder("127.0.0.1 - - \"GET / HTTP/1.1\" 200 5"));
        logger.info("a plain message {}", 42);
        logger.info(AccessLog.LINE, new StringBuilder("custom format \u2192 caf\u00e9 \ud83d\ude00"));
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(
                "127.0.0.1 - - \"GET / HTTP/1.1\" 200 5", "a plain message 42",
                "custom format \u2192 caf\u00e9 \ud83d\ude00");
        appender.stop();
    }

    @Test
    void linesWaitInTheBufferUntilTheIntervalOrTheStop() throws Exception {
        Path file = directory.resolve("access.log");
        AccessLogFile appender = start(file, Duration.ofHours(1), 100 * 1024 * 1024);
        logger.info(AccessLog.LINE, new StringBuilder("first"));
        assertThat(Files.size(file)).as("still in the buffer").isZero();
        appender.stop();
        assertThat(Files.readAllLines(file)).containsExactly("first");
    }

    @Test
    void aFullBufferIsWrittenOutAndLongLinesArriveWhole() throws Exception {
        Path file = directory.resolve("access.log");
        AccessLogFile appender = start(file, Duration.ofHours(1), 100 * 1024 * 1024);
        String line = "x".repeat(1000);
        for (int i = 0; i < 200; i++) {
            logger.info(AccessLog.LINE, new StringBuilder(line));
        }
        String longest = "y".repeat(3 * JopeLogbackAppenders.ACCESS_BUFFER_BYTES);
        logger.info(AccessLog.LINE, new StringBuilder(longest));
        assertThat(Files.size(file)).as("written out before the stop").isPositive();
        appender.stop();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(201).startsWith(line).endsWith(longest);
    }

    @Test
    void theFileRollsAtItsSize() throws Exception {
        Path file = directory.resolve("access.log");
        AccessLogFile appender = start(file, Duration.ZERO, 10 * 1024);
        String line = "z".repeat(100);
        for (int i = 0; i < 1000; i++) {
            logger.info(AccessLog.LINE, new StringBuilder(line));
        }
        appender.stop();
        try (var files = Files.list(directory)) {
            List<Path> rolled = files.filter((path) -> path.getFileName().toString().endsWith(".gz")).toList();
            assertThat(rolled).as("archives next to %s", file).isNotEmpty();
        }
        assertThat(Files.size(file)).isLessThan(11 * 1024);
    }

    private AccessLogFile start(Path file, Duration flushInterval, long maxFileSize) {
        AccessLogFile appender = new AccessLogFile(JopeLogbackAppenders.ACCESS_BUFFER_BYTES);
        appender.setContext(context);
        appender.setName("test-access-file");
        appender.setFile(file.toString());
        appender.setFlushInterval(flushInterval);
        appender.setEncoder(new AccessLineEncoder());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
        policy.setMaxFileSize(new FileSize(maxFileSize));
        policy.setParent(appender);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        return appender;
    }

}
