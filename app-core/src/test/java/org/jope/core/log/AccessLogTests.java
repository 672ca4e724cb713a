package org.jope.core.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTests {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER_NAME);

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeEach
    void capture() {
        captured.start();
        logger.addAppender(captured);
    }

    @AfterEach
    void release() {
        logger.detachAppender(captured);
        logger.setLevel(null);
    }

    @Test
    void writesTheFormattedLineAtInfoToItsOwnLogger() {
        AccessLog log = new AccessLog(AccessLogFormatter.of("%h %>s {}", TrustedProxies.NONE));
        log.log(new AccessEvent("192.0.2.7", null, 0, "GET", "/", "HTTP/1.1", 200, 1, null, null, 1, null));
        assertThat(captured.list).singleElement().satisfies((event) -> {
            assertThat(event.getLoggerName()).isEqualTo("jope.access");
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).isEqualTo("192.0.2.7 200 {}");
        });
    }

    @Test
    void switchedOffLoggerCostsNoFormatting() {
        logger.setLevel(Level.WARN);
        new AccessLog(AccessLogFormatter.of("%h", TrustedProxies.NONE)).log(null);
        assertThat(captured.list).isEmpty();
    }

}
