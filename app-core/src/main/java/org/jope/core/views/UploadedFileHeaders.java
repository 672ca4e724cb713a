package org.jope.core.views;

import java.util.Set;

import org.jope.core.content.ContentTypes;
import org.jope.core.content.File;
import org.jope.core.http.HeaderValues;
import org.jope.core.http.Rendered;

/**
 * The headers that let a browser show an uploaded file where it is without letting it act for the site. A file whose
 * type the browser only displays (images other than SVG, audio, video, fonts, PDF, plain text, JSON...) is served
 * as it is; any other type, HTML, SVG, XHTML and XML among them, may carry script, and gets
 * {@code Content-Security-Policy: sandbox}: the browser still shows it, but in an origin of its own, with no script
 * and no access to the site's cookies or cached credentials. An attachment would be as safe for the site, but every
 * SVG logo and HTML handout would then be downloaded instead of shown. Every file names itself in
 * {@code Content-Disposition}, for the browser's "save as".
 */
final class UploadedFileHeaders {

    private static final String SAFE_STORED_TYPE = "application/octet-stream";

    /** Media types, by their type and subtype, that no browser runs script in. */
    private static final Set<String> DISPLAYED_ONLY = Set.of("text/plain", "text/csv", "text/css", "text/markdown",
            "text/tab-separated-values", "application/json", "application/pdf", "application/octet-stream",
            "application/zip", "application/gzip");

    /** Top-level types that no browser runs script in, except for an XML subtype such as image/svg+xml. */
    private static final Set<String> DISPLAYED_ONLY_TOP_LEVEL = Set.of("image", "audio", "video", "font");

    private UploadedFileHeaders() {
    }

    /** The stored type; a type that an older store accepted without checking it goes out as bytes. */
    static String contentType(File file) {
        return ContentTypes.isValid(file.contentType()) ? file.contentType() : SAFE_STORED_TYPE;
    }

    /** The file's answer with these headers. */
    static Rendered on(Rendered answer, File file) {
        Rendered named = answer.withHeader("Content-Disposition", HeaderValues.contentDisposition("inline",
                file.name()));
        return isDisplayedOnly(ContentTypes.essence(contentType(file))) ? named
                : named.withHeader("Content-Security-Policy", "sandbox");
    }

    private static boolean isDisplayedOnly(String essence) {
        if (DISPLAYED_ONLY.contains(essence)) {
            return true;
        }
        int slash = essence.indexOf('/');
        return DISPLAYED_ONLY_TOP_LEVEL.contains(essence.substring(0, slash)) && !essence.endsWith("+xml")
                && !essence.endsWith("/xml");
    }

}
