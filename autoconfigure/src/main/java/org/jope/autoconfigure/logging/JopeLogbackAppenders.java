package org.jope.autoconfigure.logging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;

import org.springframework.boot.logging.LogLevel;
import org.springframework.util.unit.DataSize;

import org.jope.core.log.AccessLog;

/**
 * Jope's appenders, added to the Logback context that Spring Boot configured: the access log's file (and console,
 * when asked) on the {@value AccessLog#LOGGER_NAME} logger, and the event log's file on the root logger. It removes
 * exactly what it added, so that several contexts in one JVM (as in tests) do not take each other's appenders away.
 */
final class JopeLogbackAppenders {

    /** Zope's event log: {@code %(asctime)s %(levelname)s [%(name)s:%(lineno)s][%(threadName)s] %(message)s}. */
    static final String EVENT_PATTERN = "%d{yyyy-MM-dd HH:mm:ss} %level [%logger:%line][%thread] %msg%n";

    /** Few large writes instead of many small ones; Logback's default is 8 KB. */
    static final int ACCESS_BUFFER_BYTES = 64 * 1024;

    static final String ACCESS_FILE = "JOPE_ACCESS_FILE";

    static final String ACCESS_CONSOLE = "JOPE_ACCESS_CONSOLE";

    static final String EVENT_FILE = "JOPE_EVENT_FILE";

    private final LoggerContext context;

    private final List<Attached> attached = new ArrayList<>();

    JopeLogbackAppenders(LoggerContext context) {
        this.context = context;
    }

    /**
     * The access lines go to their own appenders only: the logger does not pass them on to the root logger's
     * console, and it keeps INFO whatever the root level is, unless {@code levelFixed} says the user set one.
     */
    void addAccessLog(JopeLogProperties.Access access, boolean levelFixed) {
        Logger logger = context.getLogger(AccessLog.LOGGER_NAME);
        if (!levelFixed) {
            logger.setLevel(Level.INFO);
        }
        logger.setAdditive(false);
        if (!access.getFile().isBlank()) {
            AccessLogFile file = new AccessLogFile(ACCESS_BUFFER_BYTES);
            file.setFlushInterval(access.getFlushInterval());
            attach(logger, rollingFile(file, ACCESS_FILE, access.getFile(), accessLineEncoder(),
                    access.getMaxFileSize(), access.getMaxHistory(), access.getTotalSizeCap()));
        }
        if (access.isConsole()) {
            attach(logger, console(ACCESS_CONSOLE));
        }
    }

    /** The event log file writes each line at once: events are few, and the last ones before a crash matter. */
    void addEventLog(JopeLogProperties.Event event, boolean levelFixed) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!levelFixed) {
            root.setLevel(level(event.getLevel()));
        }
        if (!event.getFile().isBlank()) {
            attach(root, rollingFile(new RollingFileAppender<>(), EVENT_FILE, event.getFile(),
                    patternEncoder(EVENT_PATTERN), event.getMaxFileSize(), event.getMaxHistory(),
                    event.getTotalSizeCap()));
        }
    }

    /** Detaches and stops what this instance attached; stopping a file appender writes out its buffer. */
    void remove() {
        for (Attached each : attached) {
            each.logger.detachAppender(each.appender);
            each.appender.stop();
        }
        attached.clear();
    }

    private void attach(Logger logger, Appender<ILoggingEvent> appender) {
        // A context that was closed without removing its appenders must not leave a second writer on the file.
        Appender<ILoggingEvent> previous = logger.getAppender(appender.getName());
        if (previous != null) {
            logger.detachAppender(previous);
            previous.stop();
        }
        logger.addAppender(appender);
        attached.add(new Attached(logger, appender));
    }

    private RollingFileAppender<ILoggingEvent> rollingFile(RollingFileAppender<ILoggingEvent> appender, String name,
            String file, Encoder<ILoggingEvent> encoder, DataSize maxFileSize, int maxHistory, DataSize totalSizeCap) {
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.setFile(file);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setFileNamePattern(file + ".%d{yyyy-MM-dd}.%i.gz");
        policy.setMaxFileSize(new FileSize(maxFileSize.toBytes()));
        policy.setMaxHistory(maxHistory);
        policy.setTotalSizeCap(new FileSize(totalSizeCap.toBytes()));
        policy.setParent(appender);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.start();
        return appender;
    }

    private ConsoleAppender<ILoggingEvent> console(String name) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(accessLineEncoder());
        appender.start();
        return appender;
    }

    private AccessLineEncoder accessLineEncoder() {
        AccessLineEncoder encoder = new AccessLineEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private PatternLayoutEncoder patternEncoder(String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static Level level(LogLevel level) {
        return switch (level) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR, FATAL -> Level.ERROR;
            case OFF -> Level.OFF;
        };
    }

    private record Attached(Logger logger, Appender<ILoggingEvent> appender) {
    }

}
