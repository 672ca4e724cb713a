package org.jope.autoconfigure.logging;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLineEncoderTests {

    @Test
    void writesTheLineAsItIsInUtf8WithANewline() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("jope.access"), Level.INFO,
                "127.0.0.1 → {} 200", null, null);
        assertThat(new AccessLineEncoder().encode(event))
                .isEqualTo("127.0.0.1 → {} 200\n".getBytes(StandardCharsets.UTF_8));
    }

}
