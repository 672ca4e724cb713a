package org.jope.core.publisher;

/** ETag values and If-Match checks, with the serial as the entity tag. */
final class EntityTags {

    private EntityTags() {
    }

    static String of(long etag) {
        return "\"" + etag + "\"";
    }

    /** True when an If-Match header allows a write to an object whose current serial is given. */
    static boolean matches(String ifMatch, long serial) {
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
