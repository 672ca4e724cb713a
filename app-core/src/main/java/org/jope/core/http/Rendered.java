package org.jope.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A complete response, built before anything is sent, so that a conflict retry can throw it away and start over.
 * Immutable: the default view's answer is built once per object version and sent to every request for it, so
 * sending copies nothing and allocates nothing.
 */
public final class Rendered {

    public static final String HTML = "text/html;charset=UTF-8";

    public static final String TEXT = "text/plain;charset=UTF-8";

    public static final String JSON = "application/json";

    private static final String[] NO_HEADERS = new String[0];

    private static final byte[] NO_BODY = new byte[0];

    private final int status;

    private final String contentType;

    private final byte[] body;

    /** Names at even indexes, each followed by its value. */
    private final String[] headers;

    private Rendered(int status, String contentType, byte[] body, String[] headers) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.headers = headers;
    }

    /** An answer with a body of the given type; {@code contentType} may be null for no body type at all. */
    public static Rendered of(int status, String contentType, byte[] body) {
        return new Rendered(status, contentType, body, NO_HEADERS);
    }

    public static Rendered html(int status, String html) {
        return of(status, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    public static Rendered text(int status, String text) {
        return of(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer without a body, such as 204. */
    public static Rendered empty(int status) {
        return of(status, null, NO_BODY);
    }

    /** This answer with one more header, or with a new value for one it has. */
    public Rendered withHeader(String name, String value) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                String[] replaced = headers.clone();
                replaced[i + 1] = value;
                return new Rendered(status, contentType, body, replaced);
            }
        }
        String[] more = Arrays.copyOf(headers, headers.length + 2);
        more[headers.length] = name;
        more[headers.length + 1] = value;
        return new Rendered(status, contentType, body, more);
    }

    /**
     * The 304 that stands for this answer: its validators and caching headers (RFC 9110, 15.4.5), no body, no body
     * type.
     */
    public Rendered notModified() {
        return new Rendered(304, null, NO_BODY, headers);
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The body's bytes; shared, so never to be changed. */
    public byte[] body() {
        return body;
    }

    /** The value of a header this answer sets, or null. */
    public String header(String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return headers[i + 1];
            }
        }
        return null;
    }

    /** Every answer says nosniff: a browser never takes the bytes for another type than the one they are sent as. */
    public void writeTo(HttpServletResponse response, boolean withBody) throws IOException {
        response.setStatus(status);
        response.setHeader("X-Content-Type-Options", "nosniff");
        for (int i = 0; i < headers.length; i += 2) {
            response.setHeader(headers[i], headers[i + 1]);
        }
        if (status == 304) {
            return;
        }
        if (contentType != null) {
            response.setContentType(contentType);
        }
        response.setContentLength(body.length);
        if (withBody && body.length > 0) {
            response.getOutputStream().write(body);
        }
    }

}
