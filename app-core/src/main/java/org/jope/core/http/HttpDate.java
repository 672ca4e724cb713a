package org.jope.core.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * HTTP-dates (RFC 9110, section 5.6.7): written as IMF-fixdate, and read in all three formats that a recipient must
 * accept, and in RFC 1123's own with a one-digit day. The two-digit year of the obsolete RFC 850 format is read as
 * at most 50 years ahead.
 */
public final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter ASCTIME = DateTimeFormatter
            .ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** RFC 1123 itself allows a one-digit day, which some clients still send ("Tue, 1 Dec 2026 ..."). */
    private static final List<DateTimeFormatter> READABLE = List.of(IMF_FIXDATE, DateTimeFormatter.RFC_1123_DATE_TIME,
            RFC_850, ASCTIME);

    private HttpDate() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** The instant, or null when the value is no HTTP-date: a condition with such a date is to be ignored. */
    public static Instant parse(String value) {
        for (DateTimeFormatter format : READABLE) {
            try {
                return Instant.from(format.parse(value.strip()));
            }
            catch (DateTimeException notThisFormat) {
                // try the next one
            }
        }
        return null;
    }

}
