package org.jope.core.log;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AccessLogFormatterTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private static final long START = ZonedDateTime.of(2025, 11, 29, 13, 45, 1, 123_000_000, ZONE).toInstant()
            .toEpochMilli();

    @Test
    void combinedIsApacheCombined() {
        AccessEvent event = event("GET", "/folder/page?x=1", 200, 1234, "http://example.org/", "curl/8.5");
        assertThat(format("combined", event)).isEqualTo("192.0.2.7 - admin [29/Nov/2025:13:45:01 +0100] "
                + "\"GET /folder/page?x=1 HTTP/1.1\" 200 1234 \"http://example.org/\" \"curl/8.5\"");
    }

    @Test
    void missingUserSizeRefererAndAgentAreDashes() {
        AccessEvent event = new AccessEvent("192.0.2.7", null, START, "HEAD", "/", "HTTP/1.1", 200, 0, null, null,
                10, null);
        assertThat(format("combined", event))
                .isEqualTo("192.0.2.7 - - [29/Nov/2025:13:45:01 +0100] \"HEAD / HTTP/1.1\" 200 - \"-\" \"-\"");
        assertThat(format("%b|%B", event("GET", "/", 200, AccessEvent.UNKNOWN_BYTES, null, null))).isEqualTo("-|0");
    }

    @Test
    void commonStopsAfterTheSize() {
        assertThat(format("common", event("GET", "/", 404, 57, null, null)))
                .isEqualTo("192.0.2.7 - admin [29/Nov/2025:13:45:01 +0100] \"GET / HTTP/1.1\" 404 57");
    }

    @Test
    void customPatternHasEveryToken() {
        AccessEvent event = new AccessEvent("10.0.0.1", "admin", START, "POST", "/a%20b?q=1", "HTTP/1.0", 503, 42,
                "ref", "agent", 2_500_123, "198.51.100.1");
        String pattern = "%h %a %{c}a %l %u %t %r %m %U %q %H %s %>s %b %B %D %T %{Referer}i %{user-agent}i "
                + "%{X-Forwarded-For}i %% end";
        assertThat(format(pattern, event)).isEqualTo("10.0.0.1 10.0.0.1 10.0.0.1 - admin [29/Nov/2025:13:45:01 +0100] "
                + "POST /a%20b?q=1 HTTP/1.0 POST /a%20b ?q=1 HTTP/1.0 503 503 42 42 2500123 2 ref agent "
                + "198.51.100.1 % end");
    }

    @Test
    void requestRejectedBeforeItsMethodWasReadHasADashRequestLine() {
        AccessEvent event = new AccessEvent("192.0.2.7", null, START, null, null, null, 400, 0, null, null, 5, null);
        assertThat(format("common", event)).isEqualTo("192.0.2.7 - - [29/Nov/2025:13:45:01 +0100] \"-\" 400 -");
    }

    @Test
    void controlCharactersQuotesAndBackslashesAreEscaped() {
        AccessEvent event = event("GET", "/\r\nforged", 200, 1, "a\"b", "x\r\n127.0.0.1 - - \"GET /\\ \u0085\u2028\t");
        String line = format("combined", event);
        assertThat(line).isEqualTo("192.0.2.7 - admin [29/Nov/2025:13:45:01 +0100] \"GET /\\x0d\\x0aforged HTTP/1.1\" "
                + "200 1 \"a\\x22b\" \"x\\x0d\\x0a127.0.0.1 - - \\x22GET /\\x5c \\x85\\u2028\\x09\"");
        assertThat(line).doesNotContain("\r", "\n").containsOnlyOnce("\"GET /");
    }

    @Test
    void userIsEscapedToo() {
        AccessEvent event = new AccessEvent("192.0.2.7", "evil\nuser", START, "GET", "/", "HTTP/1.1", 200, 1, null,
                null, 1, null);
        assertThat(format("%u", event)).isEqualTo("evil\\x0auser");
    }

    @Test
    void clientComesFromForwardedForOnlyThroughATrustedProxy() {
        AccessEvent event = new AccessEvent("10.0.0.1", null, START, "GET", "/", "HTTP/1.1", 200, 1, null, null, 1,
                "198.51.100.1");
        assertThat(AccessLogFormatter.of("%h %{c}a", TrustedProxies.NONE, ZONE).format(event))
                .isEqualTo("10.0.0.1 10.0.0.1");
        assertThat(AccessLogFormatter.of("%h %{c}a", TrustedProxies.of(List.of("10.0.0.0/8")), ZONE).format(event))
                .isEqualTo("198.51.100.1 10.0.0.1");
    }

    @Test
    void jsonIsOneParsableObjectWithNamedFields() throws Exception {
        AccessEvent event = new AccessEvent("192.0.2.7", null, START, "GET", "/\r\n\"x\u2028", "HTTP/1.1", 200, 99,
                null, "agent \"q\" \\", 1234, null);
        String line = format("json", event);
        assertThat(line).doesNotContain("\n", "\r", "\u2028");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("time").asText()).isEqualTo("2025-11-29T13:45:01.123+01:00");
        assertThat(json.get("client").asText()).isEqualTo("192.0.2.7");
        assertThat(json.get("peer").asText()).isEqualTo("192.0.2.7");
        assertThat(json.get("user").isNull()).isTrue();
        assertThat(json.get("method").asText()).isEqualTo("GET");
        assertThat(json.get("target").asText()).isEqualTo("/\r\n\"x\u2028");
        assertThat(json.get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(json.get("status").asInt()).isEqualTo(200);
        assertThat(json.get("bytes").asLong()).isEqualTo(99);
        assertThat(json.get("duration_us").asLong()).isEqualTo(1234);
        assertThat(json.get("referer").isNull()).isTrue();
        assertThat(json.get("user_agent").asText()).isEqualTo("agent \"q\" \\");
        assertThat(json.get("forwarded_for").isNull()).isTrue();
        assertThat(json.size()).isEqualTo(13);
    }

    @Test
    void jsonHasNullBytesWhenUnknown() throws Exception {
        String line = format("json", event("GET", "/", 200, AccessEvent.UNKNOWN_BYTES, null, null));
        assertThat(new ObjectMapper().readTree(line).get("bytes").isNull()).isTrue();
    }

    @Test
    void formatNamesIgnoreCase() {
        AccessEvent event = event("GET", "/", 200, 1, null, null);
        assertThat(format("Combined", event)).isEqualTo(format(AccessLogFormatter.COMBINED, event));
        assertThat(format(" COMMON ", event)).isEqualTo(format(AccessLogFormatter.COMMON, event));
    }

    @Test
    void unknownTokensAreRefusedWhenCompiled() {
        assertThatIllegalArgumentException().isThrownBy(() -> AccessLogFormatter.of("%h %z", TrustedProxies.NONE))
                .withMessageContaining("'%z' at position 3").withMessageContaining("%D");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AccessLogFormatter.of("%{Cookie}i", TrustedProxies.NONE))
                .withMessageContaining("'%{Cookie}i'");
        assertThatIllegalArgumentException().isThrownBy(() -> AccessLogFormatter.of("%>b", TrustedProxies.NONE));
        assertThatIllegalArgumentException().isThrownBy(() -> AccessLogFormatter.of("%{Referer", TrustedProxies.NONE));
        assertThatIllegalArgumentException().isThrownBy(() -> AccessLogFormatter.of("trailing %", TrustedProxies.NONE));
        assertThatIllegalArgumentException().isThrownBy(() -> AccessLogFormatter.of(" ", TrustedProxies.NONE))
                .withMessageContaining("empty");
    }

    @Test
    void timeOfOneSecondIsFormattedOnceAndStaysRight() {
        AccessLogFormatter formatter = AccessLogFormatter.of("%t", TrustedProxies.NONE, ZONE);
        assertThat(formatter.format(startingAt(START))).isEqualTo("[29/Nov/2025:13:45:01 +0100]");
        assertThat(formatter.format(startingAt(START + 876))).isEqualTo("[29/Nov/2025:13:45:01 +0100]");
        assertThat(formatter.format(startingAt(START + 877))).isEqualTo("[29/Nov/2025:13:45:02 +0100]");
        assertThat(formatter.format(startingAt(START))).isEqualTo("[29/Nov/2025:13:45:01 +0100]");
    }

    private static AccessEvent event(String method, String target, int status, long bytes, String referer,
            String userAgent) {
        return new AccessEvent("192.0.2.7", "admin", START, method, target, "HTTP/1.1", status, bytes, referer,
                userAgent, 1500, null);
    }

    private static AccessEvent startingAt(long startMillis) {
        return new AccessEvent("192.0.2.7", null, startMillis, "GET", "/", "HTTP/1.1", 200, 1, null, null, 1, null);
    }

    private static String format(String format, AccessEvent event) {
        return AccessLogFormatter.of(format, TrustedProxies.NONE, ZONE).format(event);
    }

}
