package org.jope.core.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jope.core.errors.BadRequest;

/**
 * A request path split into names to traverse and, at its end, an optional view name: {@code /a/b/@@json} is the
 * view {@code json} of {@code /a/b}, and {@code /a/index_html} is the default view of {@code /a}.
 */
public record RequestPath(List<String> names, String view) {

    public static final String DEFAULT_VIEW = "index_html";

    public static RequestPath parse(String rawPath) {
        List<String> names = new ArrayList<>();
        String view = null;
        for (String raw : rawPath.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (view != null) {
                throw new BadRequest("A view name must end the path");
            }
            String name = decode(raw);
            if (name.startsWith("@@")) {
                view = name.substring(2);
            }
            else {
                names.add(name);
            }
        }
        if (view == null && !names.isEmpty() && names.get(names.size() - 1).equals(DEFAULT_VIEW)) {
            names.remove(names.size() - 1);
            view = DEFAULT_VIEW;
        }
        return new RequestPath(List.copyOf(names), view);
    }

    /** The path of the object, without the view. */
    public String objectPath() {
        return "/" + String.join("/", names);
    }

    public boolean isRoot() {
        return names.isEmpty();
    }

    public RequestPath parent() {
        return new RequestPath(names.subList(0, names.size() - 1), null);
    }

    public String lastName() {
        return names.get(names.size() - 1);
    }

    private static String decode(String segment) {
        try {
            // URLDecoder is for forms, where '+' is a space; in a path it is a plus sign.
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException ex) {
            throw new BadRequest("The path has a malformed %-escape");
        }
    }

}
