package org.jope.core.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One JSON object a line, for log shippers. Field names are fixed (see docs/logging.md); an unknown value is null.
 * Strings are escaped down to ASCII, so that neither a control character nor a Unicode line separator can split the
 * line. Written by hand rather than through Jackson: it is six string fields and a few numbers, on every request.
 */
final class AccessJsonLayout implements AccessLineLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final ZoneId zone;

    AccessJsonLayout(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void appendTo(StringBuilder line, AccessEvent event, String client) {
        line.append("{\"time\":\"").append(TIME.format(Instant.ofEpochMilli(event.startMillis()).atZone(zone)))
                .append('"');
        string(line, "client", client);
        string(line, "peer", event.peerAddress());
        string(line, "user", event.user());
        string(line, "method", event.method());
        string(line, "target", event.target());
        string(line, "protocol", event.protocol());
        line.append(",\"status\":").append(event.status());
        line.append(",\"bytes\":");
        if (event.bytes() >= 0) {
            line.append(event.bytes());
        }
        else {
            line.append("null");
        }
        line.append(",\"duration_us\":").append(event.durationMicros());
        string(line, "referer", event.referer());
        string(line, "user_agent", event.userAgent());
        string(line, "forwarded_for", event.forwardedFor());
        line.append('}');
    }

    private static void string(StringBuilder line, String name, String value) {
        line.append(",\"").append(name).append("\":");
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                line.append('\\').append(c);
            }
            else if (c >= 0x20 && c < 0x7F) {
                line.append(c);
            }
            else {
                LogEscaper.appendUnicodeEscape(line, c);
            }
        }
        line.append('"');
    }

}
