package org.jope.core.http;

/** ETag values and If-Match checks, with the serial as the entity tag. */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long etag) {
        return "\"" + etag + "\"";
    }

    /** True when an If-Match header allows a write to an object whose current serial is given. */
    public static boolean matches(String ifMatch, long serial) {
        String current = of(serial);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(current)) {
                return true;
            }
        }
        return false;
    }

}
