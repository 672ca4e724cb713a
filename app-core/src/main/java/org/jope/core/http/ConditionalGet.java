package org.jope.core.http;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a GET or HEAD may be answered 304 (RFC 9110, 13.2.2): If-None-Match when the request has it, else
 * If-Modified-Since. Zope honours If-Modified-Since; entity tags come first because they change with every version,
 * while a date has only whole seconds.
 */
public final class ConditionalGet {

    private ConditionalGet() {
    }

    /**
     * @param answer the 200 that the request would get, with its ETag and, where the time is known, its
     *     Last-Modified
     */
    public static boolean notModified(HttpServletRequest request, Rendered answer) {
        String etag = answer.header("ETag");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            return etag != null && EntityTags.anyNoneMatch(ifNoneMatch, etag);
        }
        String lastModified = answer.header("Last-Modified");
        String ifModifiedSince = request.getHeader("If-Modified-Since");
        if (lastModified == null || ifModifiedSince == null) {
            return false;
        }
        // A client usually sends back the date it was given: equal text means not modified, and parses nothing.
        if (ifModifiedSince.equals(lastModified)) {
            return true;
        }
        Instant since = HttpDate.parse(ifModifiedSince);
        Instant modified = HttpDate.parse(lastModified);
        return since != null && modified != null && !modified.isAfter(since);
    }

}
