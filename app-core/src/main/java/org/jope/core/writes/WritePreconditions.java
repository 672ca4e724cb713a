package org.jope.core.writes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jope.core.content.ContentObject;
import org.jope.core.errors.PreconditionFailed;
import org.jope.core.http.EntityTags;
import org.jope.core.http.HttpDate;
import org.jope.core.http.PublishRequest;

/**
 * The conditions that a client can put on a write (RFC 9110, section 13): {@code If-Match},
 * {@code If-Unmodified-Since} and {@code If-None-Match}, evaluated in the RFC's order against the object that the
 * write addresses (the folder, for a POST). They are checked inside the write's transaction, so a concurrent change
 * either shows here or makes the write conflict and run again; a failed condition answers 412 before anything is
 * written.
 */
final class WritePreconditions {

    private WritePreconditions() {
    }

    /** @param target the object as it is now; null when the write would create it */
    static void check(PublishRequest request, ContentObject target, String path) {
        String ifMatch = request.header("If-Match");
        if (ifMatch != null) {
            if (target == null) {
                throw new PreconditionFailed("If-Match " + ifMatch + " names a version of " + path
                        + ", which does not exist");
            }
            if (!EntityTags.matches(ifMatch, EntityTags.of(target.etag()))) {
                throw new PreconditionFailed("If-Match " + ifMatch + " does not name the current version of " + path
                        + ", which is " + EntityTags.of(target.etag()) + "; read it again before you change it");
            }
        }
        else {
            checkUnmodifiedSince(request.header("If-Unmodified-Since"), target, path);
        }
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch != null && target != null
                && EntityTags.anyNoneMatch(ifNoneMatch, EntityTags.of(target.etag()))) {
            throw new PreconditionFailed("If-None-Match " + ifNoneMatch + " refuses to change " + path
                    + ", which exists as " + EntityTags.of(target.etag()));
        }
    }

    /** Ignored when the date is no HTTP-date, and for an object that does not exist yet (RFC 9110, 13.1.4). */
    private static void checkUnmodifiedSince(String header, ContentObject target, String path) {
        if (header == null || target == null) {
            return;
        }
        Instant since = HttpDate.parse(header);
        if (since == null) {
            return;
        }
        // HTTP-dates have whole seconds, so a change within the same second as the date passes: If-Match does not.
        Instant modified = Instant.ofEpochMilli(target.modified()).truncatedTo(ChronoUnit.SECONDS);
        if (modified.isAfter(since)) {
            throw new PreconditionFailed(path + " was changed at " + HttpDate.format(modified)
                    + ", after If-Unmodified-Since " + HttpDate.format(since));
        }
    }

}
