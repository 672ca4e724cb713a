package org.jope.core.http;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDateTests {

    private static final Instant NOV_6 = Instant.parse("1994-11-06T08:49:37Z");

    private static final Instant DEC_1 = Instant.parse("2026-12-01T23:10:00Z");

    @Test
    void writesImfFixdate() {
        assertThat(HttpDate.format(NOV_6)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(HttpDate.format(DEC_1)).isEqualTo("Tue, 01 Dec 2026 23:10:00 GMT");
    }

    @Test
    void readsEveryFormatARecipientMustAndRfc1123sOneDigitDay() {
        assertThat(HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(NOV_6);
        assertThat(HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(NOV_6);
        assertThat(HttpDate.parse("Sun Nov  6 08:49:37 1994")).isEqualTo(NOV_6);
        assertThat(HttpDate.parse("Tue, 1 Dec 2026 23:10:00 GMT")).isEqualTo(DEC_1);
    }

    @Test
    void anythingElseIsNoDate() {
        assertThat(HttpDate.parse("not a date")).isNull();
        assertThat(HttpDate.parse("2026-12-01T23:10:00Z")).isNull();
        assertThat(HttpDate.parse("")).isNull();
    }

}
