package org.jope.core.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The HTTP date of Last-Modified and If-Modified-Since: IMF-fixdate, such as "Sun, 06 Nov 1994 08:49:37 GMT". */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDates() {
    }

    public static String format(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * The date in milliseconds since the epoch, or -1 when the text is not an HTTP date, which a recipient must then
     * ignore (RFC 9110, 13.1.3). RFC 1123 dates with a one-digit day are read too.
     */
    public static long parse(String text) {
        try {
            return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip())).toEpochMilli();
        }
        catch (DateTimeParseException ex) {
            return -1;
        }
    }

}
