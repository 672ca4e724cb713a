package org.jope.core.content;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;

import org.jope.core.errors.BadRequest;

/**
 * The rule for a stored content type: a media type as RFC 9110 (section 8.3.1) writes one, {@code type/subtype}
 * and parameters, in ASCII only. A container handed anything else sends it mangled or not at all. A charset
 * parameter must name a charset that Java knows, as the containers look it up.
 */
public final class ContentTypes {

    /** The width of the content_type column. */
    public static final int MAX_LENGTH = 255;

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private ContentTypes() {
    }

    /**
     * The media type, with its type, subtype and parameter names in lower case and its parameters written
     * {@code ;name=value}; otherwise a BadRequest that says what is wrong with it.
     */
    public static String requireValid(String contentType) {
        Parsed parsed = parse(contentType);
        if (parsed.problem() != null) {
            throw new BadRequest("The content type '" + contentType + "' is not a media type: " + parsed.problem()
                    + " (write it as type/subtype, such as text/csv or image/png, with optional ;name=value"
                    + " parameters)");
        }
        return parsed.normalized();
    }

    /** True when the stored value is a media type by the rule above: older stores may hold others. */
    public static boolean isValid(String contentType) {
        return contentType != null && parse(contentType).problem() == null;
    }

    /** The type and subtype, in lower case, without parameters: the part that says what the bytes are. */
    public static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static Parsed parse(String contentType) {
        if (contentType.length() > MAX_LENGTH) {
            return Parsed.wrong("it is longer than " + MAX_LENGTH + " characters");
        }
        int semicolon = contentType.indexOf(';');
        String essence = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        int slash = essence.indexOf('/');
        if (slash < 0) {
            return Parsed.wrong("it has no '/' between type and subtype");
        }
        if (!isToken(essence.substring(0, slash)) || !isToken(essence.substring(slash + 1))) {
            return Parsed.wrong("its type and subtype must each be a token: letters, digits and " + TOKEN_SYMBOLS);
        }
        StringBuilder normalized = new StringBuilder(essence.toLowerCase(Locale.ROOT));
        int at = semicolon < 0 ? contentType.length() : semicolon;
        while (at < contentType.length()) {
            // at is on a ';'
            int start = skipWhitespace(contentType, at + 1);
            if (start == contentType.length() || contentType.charAt(start) == ';') {
                at = start;
                continue;
            }
            int equals = contentType.indexOf('=', start);
            int valueEnd = equals < 0 ? -1 : valueEnd(contentType, equals + 1);
            int end = valueEnd < 0 ? -1 : skipWhitespace(contentType, valueEnd);
            String name = equals < 0 ? "" : contentType.substring(start, equals);
            if (end < 0 || !isToken(name) || (end < contentType.length() && contentType.charAt(end) != ';')) {
                int next = contentType.indexOf(';', start);
                return Parsed.wrong("its parameter '" + contentType.substring(start, next < 0 ? contentType.length()
                        : next).strip() + "' is not name=value (a token, or a quoted string)");
            }
            String value = contentType.substring(equals + 1, valueEnd);
            if (name.equalsIgnoreCase("charset") && !isKnownCharset(unquoted(value))) {
                return Parsed.wrong("its charset is not one that Java knows");
            }
            normalized.append(';').append(name.toLowerCase(Locale.ROOT)).append('=').append(value);
            at = end;
        }
        return new Parsed(normalized.toString(), null);
    }

    /** Where the token or quoted string that starts at from ends; -1 when there is none. */
    private static int valueEnd(String text, int from) {
        if (from < text.length() && text.charAt(from) == '"') {
            for (int i = from + 1; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    return i + 1;
                }
                if (c == '\\') {
                    i++;
                    c = i < text.length() ? text.charAt(i) : '\n';
                }
                if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                    return -1;
                }
            }
            return -1;
        }
        int end = from;
        while (end < text.length() && isTokenCharacter(text.charAt(end))) {
            end++;
        }
        return end > from ? end : -1;
    }

    private static int skipWhitespace(String text, int from) {
        int at = from;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenCharacter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    private static String unquoted(String value) {
        return value.startsWith("\"") ? value.substring(1, value.length() - 1).replace("\\", "") : value;
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        }
        catch (IllegalCharsetNameException ex) {
            return false;
        }
    }

    /** A media type written the one way it is stored, or what keeps it from being one. */
    private record Parsed(String normalized, String problem) {

        static Parsed wrong(String problem) {
            return new Parsed(null, problem);
        }

    }

}
