package org.jope.core.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.jope.core.config.JopeConfig;
import org.jope.core.errors.PayloadTooLarge;
import org.jope.core.errors.ServiceUnavailable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BodyMemoryTests {

    private static final long MB = 1 << 20;

    @Test
    void unsetTheBudgetIsASixthOfTheHeapAndBoundsTheLimit() {
        BodyMemory memory = new BodyMemory(null, 1024 * MB, 512 * MB);

        assertThat(memory.budget()).isEqualTo(512 * MB / 6);
        assertThat(memory.limit()).isEqualTo(512 * MB / 6);
        assertThat(memory.share().tooLarge().getMessage()).contains("jope.server.max-request-body-size")
                .contains("heap of 512 MB").contains("at most 85 MB").doesNotContain("request-body-memory");
    }

    @Test
    void theSizeLimitBoundsWhenItIsTheSmaller() {
        BodyMemory memory = new BodyMemory(10 * MB, 2 * MB, 512 * MB);

        assertThat(memory.limit()).isEqualTo(2 * MB);
        assertThat(memory.share().tooLarge().getMessage())
                .isEqualTo("The request body is larger than the limit of 2097152 bytes "
                        + "(jope.server.max-request-body-size)");
    }

    @Test
    void sharesThatTogetherPassTheBudgetAre503UntilOneIsClosed() {
        BodyMemory memory = new BodyMemory(100L, 100, 512 * MB);
        BodyMemory.Share first = memory.share();
        first.take(70);

        try (BodyMemory.Share second = memory.share()) {
            assertThatExceptionOfType(ServiceUnavailable.class).isThrownBy(() -> second.take(31));
            second.take(30);
            assertThat(memory.held()).isEqualTo(100);
        }
        first.close();

        assertThat(memory.held()).isZero();
        try (BodyMemory.Share third = memory.share()) {
            third.take(100);
        }
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitIsReadAndOneByteMoreIs413() throws IOException {
        BodyMemory memory = new BodyMemory(200_000L, 1024 * MB, 512 * MB);
        try (BodyMemory.Share share = memory.share()) {
            byte[] body = new byte[200_000];
            body[199_999] = 7;
            assertThat(BodyBytes.of(-1, share).readAll(new ByteArrayInputStream(body))).isEqualTo(body);
        }
        try (BodyMemory.Share share = memory.share()) {
            assertThatExceptionOfType(PayloadTooLarge.class)
                    .isThrownBy(() -> BodyBytes.of(-1, share).readAll(new ByteArrayInputStream(new byte[200_001])));
        }
        assertThat(memory.held()).isZero();
    }

    @Test
    void aDeclaredBodyThatEndsEarlyIsAnError() {
        BodyMemory memory = new BodyMemory(1000L, 1000, 512 * MB);
        try (BodyMemory.Share share = memory.share()) {
            assertThatExceptionOfType(IOException.class)
                    .isThrownBy(() -> BodyBytes.of(20, share).readAll(new ByteArrayInputStream(new byte[10])));
        }
    }

    @Test
    void aStartWhoseHeapCannotHoldTheSizeLimitWarnsWithTheFix() {
        Logger logger = (Logger) LoggerFactory.getLogger(BodyMemory.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            BodyMemory.of(JopeConfig.builder().maxRequestBodySize(Long.MAX_VALUE / 8).build());
            BodyMemory.of(JopeConfig.builder().maxRequestBodySize(1024).build());
        }
        finally {
            logger.detachAppender(log);
        }

        List<ILoggingEvent> warnings = log.list.stream().filter((event) -> event.getLevel() == Level.WARN).toList();
        assertThat(warnings).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("jope.server.max-request-body-size is ").contains("answered 413")
                .contains("raise -Xmx").contains("or lower jope.server.max-request-body-size to ");
    }

    @Test
    void aConfiguredBudgetIsNamedInTheWarning() {
        Logger logger = (Logger) LoggerFactory.getLogger(BodyMemory.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            BodyMemory.of(JopeConfig.builder().requestBodyMemory(MB).build());
        }
        finally {
            logger.detachAppender(log);
        }

        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("jope.server.request-body-memory holds request bodies to 1024 KB at once")
                .contains("raise jope.server.request-body-memory, and -Xmx with it");
    }

}
