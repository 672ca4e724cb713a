package org.jope.core.log;

/**
 * Makes request-supplied text safe for a one-line, double-quoted log field, as Apache's mod_log_config does: every
 * character outside printable ASCII, and the quote and backslash that would end or fake a field, becomes
 * {@code \xNN} ({@code \\uNNNN} above 0xFF). A CR or LF in a header can then never start a forged line.
 */
final class LogEscaper {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogEscaper() {
    }

    static void append(StringBuilder line, String text) {
        int length = text.length();
        int clean = 0;
        while (clean < length && isPlain(text.charAt(clean))) {
            clean++;
        }
        if (clean == length) {
            line.append(text);
            return;
        }
        line.append(text, 0, clean);
        for (int i = clean; i < length; i++) {
            char c = text.charAt(i);
            if (isPlain(c)) {
                line.append(c);
            }
            else if (c <= 0xFF) {
                line.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            else {
                appendUnicodeEscape(line, c);
            }
        }
    }

    /** {@code \\uNNNN}, which both a log field and a JSON string read as the character. */
    static void appendUnicodeEscape(StringBuilder line, char c) {
        line.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    }

}
