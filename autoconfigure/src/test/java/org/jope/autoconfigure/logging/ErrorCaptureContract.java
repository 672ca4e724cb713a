package org.jope.autoconfigure.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.jope.core.log.AccessLog;
import org.jope.testsite.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With debug-exceptions on, an exception leaves the publisher, past the exception views, towards the container. It
 * must still be logged exactly once, with its error id, method, path, user and stack trace, and by nobody else (not
 * by the container, not by Spring); and the access line must still name the request the client sent.
 */
@SpringBootTest(classes = AccessLogSite.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "jope.debug-exceptions=true")
@DirtiesContext
abstract class ErrorCaptureContract {

    @LocalServerPort
    int port;

    private CapturedEvents access;

    private CapturedEvents all;

    @DynamicPropertySource
    static void instanceDirectory(DynamicPropertyRegistry registry) {
        LogTestDirectory.create().register(registry);
    }

    @BeforeEach
    void capture() {
        access = CapturedEvents.of(AccessLog.LOGGER_NAME);
        all = CapturedEvents.of(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @AfterEach
    void release() {
        access.close();
        all.close();
    }

    @Test
    void exceptionThatReachesTheContainerIsLoggedOnce() throws Exception {
        // A manager's write first, so that the read's login is known without a password check.
        assertThat(RawHttp.send(port, AccessLogContract.managersWrite("/logged-in")).status()).isLessThan(300);
        RawHttp.Response response = RawHttp.send(port, "GET /@@boom HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + "Basic " + LogTestDirectory.CREDENTIALS + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(500);
        Matcher errorId = Pattern.compile("Error id: ([0-9a-f]{12})").matcher(response.bodyText());
        assertThat(errorId.find()).as("an error id in %s", response.bodyText()).isTrue();
        String line = access.await((event) -> event.getFormattedMessage().contains("/@@boom"), "for /@@boom")
                .getFormattedMessage();
        assertThat(AccessLogContract.masked(line)).startsWith("127.0.0.1 - admin [T] \"GET /@@boom HTTP/1.1\" 500 ");
        List<ILoggingEvent> reports = all.events().stream().filter((event) -> carriesBoom(event)).toList();
        assertThat(reports).singleElement().satisfies((event) -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage())
                    .isEqualTo("Error id " + errorId.group(1) + " on GET /@@boom (user admin)");
            assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void notFoundIsNoErrorAndKeepsItsRequestLine() throws Exception {
        RawHttp.Response response = RawHttp.send(port, AccessLogContract.get("/no/such/thing?x=1"));
        assertThat(response.status()).isEqualTo(404);
        String line = access.await((event) -> true, "for the request").getFormattedMessage();
        assertThat(AccessLogContract.masked(line))
                .startsWith("127.0.0.1 - - [T] \"GET /no/such/thing?x=1 HTTP/1.1\" 404 ");
        assertThat(all.events()).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    private static boolean carriesBoom(ILoggingEvent event) {
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            if (cause.getClassName().equals(IllegalStateException.class.getName())
                    && "boom".equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

}
