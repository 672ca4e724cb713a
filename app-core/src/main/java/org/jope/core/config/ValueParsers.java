package org.jope.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsers of the core's settings, in Spring Boot's formats, so that one application.yml means the same to the
 * starter and to the core without Spring: durations as {@code 500ms}, {@code 5s} or ISO-8601 {@code PT5S} (a bare
 * number is milliseconds), sizes as {@code 512MB} or {@code 1GB} (binary multiples; a bare number is bytes), and
 * booleans as Spring converts them.
 */
public final class ValueParsers {

    /** Boot's simple duration style: a whole number and a unit suffix, matched without regard to case. */
    private static final Pattern SIMPLE_DURATION = Pattern.compile("([+-]?\\d+)([a-zA-Z]{0,2})");

    private static final Pattern ISO_DURATION = Pattern.compile("[+-]?[pP].*");

    private static final Map<String, ChronoUnit> DURATION_UNITS = Map.of("ns", ChronoUnit.NANOS, "us",
            ChronoUnit.MICROS, "ms", ChronoUnit.MILLIS, "s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h",
            ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    /** Spring's data size format; unlike a duration's, its suffix is matched exactly (1GB, not 1gb). */
    private static final Pattern DATA_SIZE = Pattern.compile("([+-]?\\d+)([a-zA-Z]{0,2})");

    private static final Map<String, Long> DATA_UNITS = Map.of("", 1L, "B", 1L, "KB", 1L << 10, "MB", 1L << 20,
            "GB", 1L << 30, "TB", 1L << 40);

    private static final Set<String> TRUE = Set.of("true", "on", "yes", "1");

    private static final Set<String> FALSE = Set.of("false", "off", "no", "0");

    private ValueParsers() {
    }

    /** The text as it is. */
    public static ValueParser<String> text() {
        return new ValueParser<>("text", (text) -> text);
    }

    public static ValueParser<Integer> wholeNumber(int minimum) {
        return new ValueParser<>("a whole number of at least " + minimum, (text) -> {
            int value = Integer.parseInt(text.strip());
            return (value >= minimum) ? value : null;
        });
    }

    public static ValueParser<Long> count(long minimum) {
        return new ValueParser<>("a whole number of at least " + minimum, (text) -> {
            long value = Long.parseLong(text.strip());
            return (value >= minimum) ? value : null;
        });
    }

    public static ValueParser<Boolean> flag() {
        return new ValueParser<>("true or false", (text) -> {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            return TRUE.contains(lower) ? Boolean.TRUE : FALSE.contains(lower) ? Boolean.FALSE : null;
        });
    }

    /** A duration of zero or more. */
    public static ValueParser<Duration> duration() {
        return new ValueParser<>("a duration of zero or more, such as 500ms, 5s or PT5S (a bare number is "
                + "milliseconds)", (text) -> {
                    Duration duration = parseDuration(text.strip());
                    return (duration != null && !duration.isNegative()) ? duration : null;
                });
    }

    /** A duration of at least {@code minimum}, which is written as a config file would write it. */
    public static ValueParser<Duration> duration(String minimum) {
        Duration least = parseDuration(minimum);
        return new ValueParser<>("a duration of at least " + minimum + ", such as 30m, 1h or PT1H (a bare number is "
                + "milliseconds)", (text) -> {
                    Duration duration = parseDuration(text.strip());
                    return (duration != null && duration.compareTo(least) >= 0) ? duration : null;
                });
    }

    /** One of the constants of {@code type}, written in lower case (or in any case). */
    public static <E extends Enum<E>> ValueParser<E> oneOf(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : " or ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        return new ValueParser<>(names.toString(), (text) -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.strip())) {
                    return constant;
                }
            }
            return null;
        });
    }

    /**
     * A duration of more than zero, up to a maximum: a window, for which zero or a century makes no sense.
     *
     * @param maximum as a config file spells it, such as {@code 1d}
     */
    public static ValueParser<Duration> positiveDuration(String maximum) {
        Duration longest = parseDuration(maximum);
        return new ValueParser<>("a duration of more than zero and at most " + maximum + ", such as 30s, 5m or "
                + "PT5M (a bare number is milliseconds)", (text) -> {
                    Duration duration = parseDuration(text.strip());
                    return (duration != null && duration.compareTo(Duration.ZERO) > 0 && duration.compareTo(longest)
                            <= 0) ? duration : null;
                });
    }

    /** A size of zero or more, in bytes. */
    public static ValueParser<Long> dataSize() {
        return new ValueParser<>("a size of zero or more, such as 512MB or 1GB (B, KB, MB, GB or TB; a bare number "
                + "is bytes)", (text) -> {
                    Matcher matcher = DATA_SIZE.matcher(text.strip());
                    if (!matcher.matches() || !DATA_UNITS.containsKey(matcher.group(2))) {
                        return null;
                    }
                    long bytes = Math.multiplyExact(Long.parseLong(matcher.group(1)), DATA_UNITS.get(matcher.group(2)));
                    return (bytes >= 0) ? bytes : null;
                });
    }

    /** A size of at least one byte: a budget, for which zero would refuse everything. */
    public static ValueParser<Long> positiveDataSize() {
        ValueParser<Long> size = dataSize();
        return new ValueParser<>("a size of at least 1B, such as 64MB or 1GB (B, KB, MB, GB or TB; a bare number is "
                + "bytes)", (text) -> {
                    Long bytes = size.parse().apply(text);
                    return (bytes != null && bytes > 0) ? bytes : null;
                });
    }

    /** A file path; a relative one resolves against the working directory of the process. */
    public static ValueParser<Path> path() {
        return new ValueParser<>("a file path", (text) -> text.isBlank() ? null : Path.of(text));
    }

    private static Duration parseDuration(String text) {
        if (ISO_DURATION.matcher(text).matches()) {
            return Duration.parse(text);
        }
        Matcher matcher = SIMPLE_DURATION.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        String suffix = matcher.group(2).toLowerCase(Locale.ROOT);
        ChronoUnit unit = suffix.isEmpty() ? ChronoUnit.MILLIS : DURATION_UNITS.get(suffix);
        return (unit != null) ? Duration.of(Long.parseLong(matcher.group(1)), unit) : null;
    }

}
