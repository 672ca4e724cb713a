package org.jope.core.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Common Log Format's {@code dd/MMM/yyyy:HH:mm:ss Z}. Requests arrive many to a second, so the text of the last
 * second is kept and reused: formatting a date is the dearest part of an access line.
 */
final class CommonLogTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
            Locale.ENGLISH);

    private final ZoneId zone;

    private volatile Second last = new Second(Long.MIN_VALUE, "");

    CommonLogTime(ZoneId zone) {
        this.zone = zone;
    }

    String format(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        Second second = last;
        if (second.epochSecond != epochSecond) {
            second = new Second(epochSecond, FORMAT.format(Instant.ofEpochSecond(epochSecond).atZone(zone)));
            last = second;
        }
        return second.text;
    }

    private record Second(long epochSecond, String text) {
    }

}
