package org.jope.autoconfigure.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.jope.core.log.AccessLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's own Logback configuration wins: Jope adds no appender and sets no level, and the access lines go where
 * the user's file sends the logger jope.access.
 */
@SpringBootTest(classes = AccessLogSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "jope.server.type=tomcat", "logging.config=" + OwnLogbackConfigurationTests.CONFIGURATION })
@ActiveProfiles(AccessLogSite.PROFILE)
@DirtiesContext
class OwnLogbackConfigurationTests {

    /**
     * Spring Boot reads logging.config before a dynamic property source exists, so the file is at a fixed place,
     * written when this class loads, before its context starts.
     */
    static final String CONFIGURATION = "target/logging-tests/own/logback-own.xml";

    private static final Path MINE = Path.of("target/logging-tests/own/mine.log").toAbsolutePath();

    private static LogTestDirectory directory;

    @LocalServerPort
    int port;

    static {
        try {
            Files.createDirectories(MINE.getParent());
            Files.deleteIfExists(MINE);
            Files.writeString(Path.of(CONFIGURATION), """
                    <configuration>
                        <appender name="MINE" class="ch.qos.logback.core.FileAppender">
                            <file>%s</file>
                            <encoder><pattern>MINE %%logger %%msg%%n</pattern></encoder>
                        </appender>
                        <logger name="jope.access" level="INFO" additivity="false">
                            <appender-ref ref="MINE"/>
                        </logger>
                        <root level="INFO"/>
                    </configuration>
                    """.formatted(MINE));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @DynamicPropertySource
    static void instanceDirectory(DynamicPropertyRegistry registry) {
        directory = LogTestDirectory.create();
        directory.register(registry);
    }

    @Test
    void accessLinesGoWhereTheUsersFileSaysAndJopeAddsNothing() throws Exception {
        RawHttp.send(port, AccessLogContract.get("/?own"));
        new FileLines(MINE).await((line) -> line.startsWith("MINE jope.access 127.0.0.1 - - [")
                && line.contains("\"GET /?own HTTP/1.1\" 200 "));
        Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER_NAME);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(access.getAppender(JopeLogbackAppenders.ACCESS_FILE)).isNull();
        assertThat(root.getAppender(JopeLogbackAppenders.EVENT_FILE)).isNull();
        assertThat(directory.accessLog()).doesNotExist();
        assertThat(directory.eventLog()).doesNotExist();
    }

}
