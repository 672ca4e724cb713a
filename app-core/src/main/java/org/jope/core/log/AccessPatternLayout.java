package org.jope.core.log;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line written from Apache mod_log_config tokens. The pattern is compiled once into a list of small writers, so a
 * request costs no parsing. Only the fields that {@link AccessEvent} carries have tokens; anything else is refused
 * when the pattern is compiled, not found missing in the log later.
 */
final class AccessPatternLayout implements AccessLineLayout {

    static final String TOKENS = "%h %a %{c}a %l %u %t %r %m %U %q %H %s %>s %b %B %D %T %{Referer}i "
            + "%{User-Agent}i %{X-Forwarded-For}i %%";

    private final Token[] tokens;

    private AccessPatternLayout(List<Token> tokens) {
        this.tokens = tokens.toArray(Token[]::new);
    }

    @Override
    public void appendTo(StringBuilder line, AccessEvent event, String client) {
        for (Token token : tokens) {
            token.append(line, event, client);
        }
    }

    static AccessPatternLayout compile(String pattern, ZoneId zone) {
        CommonLogTime time = new CommonLogTime(zone);
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            int start = i++;
            String argument = null;
            if (i < pattern.length() && pattern.charAt(i) == '{') {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    throw unknown(pattern, start, pattern.length());
                }
                argument = pattern.substring(i + 1, close);
                i = close + 1;
            }
            boolean finalStatus = i < pattern.length() && pattern.charAt(i) == '>';
            if (finalStatus) {
                i++;
            }
            if (i >= pattern.length()) {
                throw unknown(pattern, start, i);
            }
            char name = pattern.charAt(i++);
            if (name == '%' && argument == null && !finalStatus) {
                literal.append('%');
                continue;
            }
            Token token = (finalStatus && name != 's') ? null : token(name, argument, time);
            if (token == null) {
                throw unknown(pattern, start, i);
            }
            if (literal.length() > 0) {
                String text = literal.toString();
                tokens.add((line, event, client) -> line.append(text));
                literal.setLength(0);
            }
            tokens.add(token);
        }
        if (literal.length() > 0) {
            String text = literal.toString();
            tokens.add((line, event, client) -> line.append(text));
        }
        return new AccessPatternLayout(tokens);
    }

    private static Token token(char name, String argument, CommonLogTime time) {
        if (argument != null) {
            return switch (name) {
                case 'a' -> argument.equals("c") ? (line, event, client) -> field(line, event.peerAddress()) : null;
                case 'i' -> header(argument.toLowerCase(Locale.ROOT));
                default -> null;
            };
        }
        return switch (name) {
            case 'h', 'a' -> (line, event, client) -> field(line, client);
            case 'l' -> (line, event, client) -> line.append('-');
            case 'u' -> (line, event, client) -> field(line, event.user());
            case 't' -> (line, event, client) -> line.append('[').append(time.format(event.startMillis())).append(']');
            case 'r' -> AccessPatternLayout::requestLine;
            case 'm' -> (line, event, client) -> field(line, event.method());
            case 'U' -> (line, event, client) -> field(line, path(event.target()));
            case 'q' -> (line, event, client) -> LogEscaper.append(line, query(event.target()));
            case 'H' -> (line, event, client) -> field(line, event.protocol());
            case 's' -> (line, event, client) -> line.append(event.status());
            case 'b' -> (line, event, client) -> {
                if (event.bytes() > 0) {
                    line.append(event.bytes());
                }
                else {
                    line.append('-');
                }
            };
            case 'B' -> (line, event, client) -> line.append(Math.max(0, event.bytes()));
            case 'D' -> (line, event, client) -> line.append(event.durationMicros());
            case 'T' -> (line, event, client) -> line.append(event.durationMicros() / 1_000_000);
            default -> null;
        };
    }

    private static Token header(String name) {
        return switch (name) {
            case "referer" -> (line, event, client) -> field(line, event.referer());
            case "user-agent" -> (line, event, client) -> field(line, event.userAgent());
            case "x-forwarded-for" -> (line, event, client) -> field(line, event.forwardedFor());
            default -> null;
        };
    }

    /** {@code METHOD target PROTOCOL}, or "-" for a request that was rejected before its method was read. */
    private static void requestLine(StringBuilder line, AccessEvent event, String client) {
        if (isMissing(event.method())) {
            line.append('-');
            return;
        }
        LogEscaper.append(line, event.method());
        line.append(' ');
        field(line, event.target());
        if (!isMissing(event.protocol())) {
            line.append(' ');
            LogEscaper.append(line, event.protocol());
        }
    }

    private static void field(StringBuilder line, String value) {
        if (isMissing(value)) {
            line.append('-');
        }
        else {
            LogEscaper.append(line, value);
        }
    }

    private static boolean isMissing(String value) {
        return value == null || value.isEmpty();
    }

    private static String path(String target) {
        if (target == null) {
            return null;
        }
        int query = target.indexOf('?');
        return query >= 0 ? target.substring(0, query) : target;
    }

    private static String query(String target) {
        int query = target == null ? -1 : target.indexOf('?');
        return query >= 0 ? target.substring(query) : "";
    }

    private static IllegalArgumentException unknown(String pattern, int start, int end) {
        return new IllegalArgumentException("Unknown access log token '" + pattern.substring(start, end)
                + "' at position " + start + " of '" + pattern + "'. The tokens are " + TOKENS + ".");
    }

    @FunctionalInterface
    private interface Token {

        void append(StringBuilder line, AccessEvent event, String client);

    }

}
