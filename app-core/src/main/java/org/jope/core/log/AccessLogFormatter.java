package org.jope.core.log;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The one formatter of access lines. Every container hands it the same {@link AccessEvent}, so a request gets the
 * same line on Tomcat, Jetty and Undertow. It decides the client address through {@link TrustedProxies} and escapes
 * whatever the request supplied, so that one request is always one line.
 */
public final class AccessLogFormatter {

    /** Apache's combined format, the default of Paste's translogger. */
    public static final String COMBINED = "%h %l %u %t \"%r\" %>s %b \"%{Referer}i\" \"%{User-Agent}i\"";

    /** The Common Log Format. */
    public static final String COMMON = "%h %l %u %t \"%r\" %>s %b";

    /** The name of the JSON format: one object a line. */
    public static final String JSON = "json";

    private final AccessLineLayout layout;

    private final TrustedProxies proxies;

    private AccessLogFormatter(AccessLineLayout layout, TrustedProxies proxies) {
        this.layout = layout;
        this.proxies = proxies;
    }

    /**
     * A formatter for {@code combined}, {@code common}, {@code json}, or a pattern of mod_log_config tokens such as
     * {@code %h %u %t "%r" %>s %b %D} (docs/logging.md lists them), with times in the system's time zone.
     *
     * @throws IllegalArgumentException when the format is empty or the pattern holds an unknown token
     */
    public static AccessLogFormatter of(String format, TrustedProxies proxies) {
        return of(format, proxies, ZoneId.systemDefault());
    }

    public static AccessLogFormatter of(String format, TrustedProxies proxies, ZoneId zone) {
        if (format == null || format.isBlank()) {
            throw new IllegalArgumentException("The access log format is empty: name one (combined, common, json) "
                    + "or give a pattern.");
        }
        AccessLineLayout layout = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "combined" -> AccessPatternLayout.compile(COMBINED, zone);
            case "common" -> AccessPatternLayout.compile(COMMON, zone);
            case JSON -> new AccessJsonLayout(zone);
            default -> AccessPatternLayout.compile(format, zone);
        };
        return new AccessLogFormatter(layout, proxies);
    }

    public String format(AccessEvent event) {
        StringBuilder line = new StringBuilder(256);
        formatTo(line, event);
        return line.toString();
    }

    /** Appends the line, without a line break, to what the builder holds. */
    public void formatTo(StringBuilder line, AccessEvent event) {
        layout.appendTo(line, event, proxies.clientAddress(event.peerAddress(), event.forwardedFor()));
    }

}
