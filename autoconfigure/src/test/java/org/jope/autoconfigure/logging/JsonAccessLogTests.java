package org.jope.autoconfigure.logging;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
 * The JSON format, read back from the file as a log shipper would, line by line; and the access logger keeping INFO
 * and its own appenders while the root logger is at WARN, as the demo's -q sets it.
 */
@SpringBootTest(classes = AccessLogSite.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "jope.server.type=tomcat", "jope.log.access.format=json", "logging.level.root=WARN" })
@DirtiesContext
class JsonAccessLogTests {

    private static LogTestDirectory directory;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void instanceDirectory(DynamicPropertyRegistry registry) {
        directory = LogTestDirectory.create();
        directory.register(registry);
    }

    @Test
    void everyLineIsOneJsonObject() throws Exception {
        RawHttp.Response page = RawHttp.send(port, "GET /?q=%0D%0A HTTP/1.1\r\nHost: localhost\r\n"
                + "User-Agent: say \"hi\" \\ there\r\nReferer: http://example.org/\r\nConnection: close\r\n\r\n");
        RawHttp.send(port, AccessLogContract.get("/no/such/thing"));
        // A manager's write, so that the HEAD after it is named from the cache of logins.
        RawHttp.send(port, AccessLogContract.managersWrite("/json-named"));
        RawHttp.send(port, "HEAD /welcome HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + LogTestDirectory.CREDENTIALS + "\r\nConnection: close\r\n\r\n");
        RawHttp.send(port, AccessLogContract.get("/last"));
        List<String> lines = new FileLines(directory.accessLog()).await((line) -> line.contains("\"/last\""));
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> objects = lines.stream().map((line) -> {
            try {
                return mapper.readTree(line);
            }
            catch (Exception ex) {
                throw new AssertionError("Not one JSON object: " + line, ex);
            }
        }).toList();
        assertThat(objects).allSatisfy((json) -> {
            assertThat(json.get("time").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}.+");
            assertThat(json.get("client").asText()).isEqualTo("127.0.0.1");
            assertThat(json.get("peer").asText()).isEqualTo("127.0.0.1");
            assertThat(json.get("protocol").asText()).isEqualTo("HTTP/1.1");
            assertThat(json.get("duration_us").asLong()).isNotNegative();
        });
        JsonNode first = objects.stream().filter((json) -> json.get("target").asText().startsWith("/?q=")).findFirst()
                .orElseThrow();
        assertThat(first.get("method").asText()).isEqualTo("GET");
        assertThat(first.get("target").asText()).isEqualTo("/?q=%0D%0A");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("bytes").asLong()).isEqualTo(page.body().length);
        assertThat(first.get("user").isNull()).isTrue();
        assertThat(first.get("referer").asText()).isEqualTo("http://example.org/");
        assertThat(first.get("user_agent").asText()).isEqualTo("say \"hi\" \\ there");
        assertThat(first.get("forwarded_for").isNull()).isTrue();
        assertThat(objects).anySatisfy((json) -> {
            assertThat(json.get("target").asText()).isEqualTo("/no/such/thing");
            assertThat(json.get("status").asInt()).isEqualTo(404);
        });
        assertThat(objects).anySatisfy((json) -> {
            assertThat(json.get("method").asText()).isEqualTo("HEAD");
            assertThat(json.get("user").asText()).isEqualTo(LogTestDirectory.USER);
            assertThat(json.get("bytes").asLong()).isZero();
        });
    }

    @Test
    void accessLoggerKeepsInfoAndStaysOffTheRootLoggersConsole() throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER_NAME);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(access.getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(access.isAdditive()).isFalse();
        assertThat(access.getAppender(JopeLogbackAppenders.ACCESS_FILE)).isNotNull();
        assertThat(access.getAppender(JopeLogbackAppenders.ACCESS_CONSOLE)).isNull();
        try (CapturedEvents rootEvents = CapturedEvents.of(org.slf4j.Logger.ROOT_LOGGER_NAME);
                CapturedEvents accessEvents = CapturedEvents.of(AccessLog.LOGGER_NAME)) {
            RawHttp.send(port, AccessLogContract.get("/?quiet"));
            accessEvents.await((event) -> event.getFormattedMessage().contains("/?quiet"), "for /?quiet");
            assertThat(rootEvents.events()).noneMatch((event) -> event.getLoggerName().equals(AccessLog.LOGGER_NAME));
        }
    }

}
