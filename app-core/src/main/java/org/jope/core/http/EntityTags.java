package org.jope.core.http;

/**
 * Entity tags (RFC 9110, 8.8.3) and the headers that compare them, read without allocating: {@code If-None-Match}
 * is checked on every conditional read of a hot page.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The header value of an opaque tag: the tag in quotes. */
    public static String of(String opaque) {
        return "\"" + opaque + "\"";
    }

    /**
     * True when an If-Match header lets a write go ahead on an object whose current tag is given, in quotes:
     * {@code *}, or a strong tag equal to it. A weak tag never matches, as the strong comparison that If-Match uses
     * requires.
     */
    public static boolean matches(String ifMatch, String tag) {
        return anyMatches(ifMatch, tag, false);
    }

    /**
     * True when an If-None-Match header names the current tag (given in quotes), or is {@code *}: a GET or HEAD is
     * then answered 304. The comparison is weak, so {@code W/"12"} names {@code "12"}.
     */
    public static boolean anyNoneMatch(String ifNoneMatch, String tag) {
        return anyMatches(ifNoneMatch, tag, true);
    }

    private static boolean anyMatches(String header, String tag, boolean weakComparison) {
        int length = header.length();
        int i = 0;
        while (i < length) {
            while (i < length && (header.charAt(i) == ' ' || header.charAt(i) == '\t' || header.charAt(i) == ',')) {
                i++;
            }
            if (i >= length) {
                break;
            }
            if (header.charAt(i) == '*') {
                return true;
            }
            boolean weak = header.startsWith("W/", i);
            int start = weak ? i + 2 : i;
            int end = header.indexOf(',', start);
            end = end < 0 ? length : end;
            int tagEnd = end;
            while (tagEnd > start && (header.charAt(tagEnd - 1) == ' ' || header.charAt(tagEnd - 1) == '\t')) {
                tagEnd--;
            }
            if ((weakComparison || !weak) && tagEnd - start == tag.length()
                    && header.regionMatches(start, tag, 0, tag.length())) {
                return true;
            }
            i = end;
        }
        return false;
    }

}
