package org.jope.core.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Request paths, parsed once: the same few paths make most of a site's traffic, and a hot read should parse nothing.
 * Bounded in number and in the length of what it keeps, so that a client sending endless distinct paths fills it
 * with at most a few megabytes.
 */
public final class RequestPaths {

    private static final int MAXIMUM_PATHS = 10_000;

    private static final int LONGEST_KEPT = 256;

    private final Cache<String, RequestPath> parsed = Caffeine.newBuilder().maximumSize(MAXIMUM_PATHS).build();

    /** The parsed path; a malformed one throws {@link org.jope.core.errors.BadRequest} every time it is asked for. */
    public RequestPath of(String raw) {
        RequestPath path = parsed.getIfPresent(raw);
        if (path == null) {
            path = RequestPath.parse(raw);
            if (raw.length() <= LONGEST_KEPT) {
                parsed.put(raw, path);
            }
        }
        return path;
    }

}
