package org.jope.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A complete response, built before anything is sent, so that a conflict retry can throw it away and start over.
 */
public record Rendered(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String HTML = "text/html;charset=UTF-8";

    public static final String TEXT = "text/plain;charset=UTF-8";

    public static final String JSON = "application/json";

    public static Rendered html(int status, String html) {
        return new Rendered(status, HTML, html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Rendered text(int status, String text) {
        return new Rendered(status, TEXT, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Rendered withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Rendered(status, contentType, body, Map.copyOf(more));
    }

    public void writeTo(HttpServletResponse response, boolean withBody) throws IOException {
        response.setStatus(status);
        headers.forEach(response::setHeader);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

}
