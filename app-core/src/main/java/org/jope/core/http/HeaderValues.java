package org.jope.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.owasp.encoder.Encode;

/**
 * Header values built from names, never concatenated from them. A header carries ASCII only: given anything else,
 * Tomcat drops the header, Jetty turns each character into a space and Undertow keeps its low byte. So every name
 * is percent-encoded as UTF-8, as a path segment (RFC 3986) or as a file name (RFC 8187), and the same bytes go out
 * on every container.
 */
public final class HeaderValues {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Characters that a URI reference holds as they are (RFC 3986: unreserved and reserved); '%' is seen apart. */
    private static final String URI_CHARACTERS = "-._~:/?#[]@!$&'()*+,;=";

    private HeaderValues() {
    }

    /** The path of the object with these names, each percent-encoded: {@code /f/a%3Fb} for the names f and a?b. */
    public static String path(List<String> names) {
        if (names.isEmpty()) {
            return "/";
        }
        StringBuilder path = new StringBuilder();
        for (String name : names) {
            path.append('/').append(Encode.forUriComponent(name));
        }
        return path.toString();
    }

    /**
     * A URI reference that code wrote, such as a redirect's target, with every character a URI may not hold
     * percent-encoded as UTF-8, as RFC 3987 maps an IRI to a URI. Its structure, its reserved characters and the
     * escapes it already has stay as they are; a '%' that starts no escape becomes {@code %25}, and a line break
     * cannot end the header.
     */
    public static String uriReference(String reference) {
        StringBuilder encoded = new StringBuilder(reference.length());
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (isAsciiAlphanumeric(c) || URI_CHARACTERS.indexOf(c) >= 0
                    || (c == '%' && isHex(reference, i + 1) && isHex(reference, i + 2))) {
                encoded.append(c);
            }
            else {
                int end = Character.isHighSurrogate(c) && i + 1 < reference.length()
                        && Character.isLowSurrogate(reference.charAt(i + 1)) ? i + 2 : i + 1;
                percentEncode(reference.substring(i, end), encoded);
                i = end - 1;
            }
        }
        return encoded.toString();
    }

    /**
     * A Content-Disposition (RFC 6266) that names the file: a {@code filename} of printable ASCII for clients that
     * know no better, and, when that had to change the name, the name itself as {@code filename*} (RFC 8187).
     *
     * @param disposition {@code inline} or {@code attachment}
     */
    public static String contentDisposition(String disposition, String filename) {
        StringBuilder fallback = new StringBuilder(filename.length());
        filename.codePoints().forEach((c) ->
                // '%' too: some browsers decode escapes in a plain filename.
                fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        String value = disposition + "; filename=\"" + fallback + "\"";
        if (fallback.toString().equals(filename)) {
            return value;
        }
        return value + "; filename*=UTF-8''" + Encode.forUriComponent(filename);
    }

    private static void percentEncode(String text, StringBuilder into) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            into.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
        }
    }

    private static boolean isHex(String text, int index) {
        return index < text.length() && text.charAt(index) < 0x80 && Character.digit(text.charAt(index), 16) >= 0;
    }

    private static boolean isAsciiAlphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

}
