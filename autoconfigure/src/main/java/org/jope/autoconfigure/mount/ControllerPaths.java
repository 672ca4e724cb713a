package org.jope.autoconfigure.mount;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths that Spring MVC's handler mappings map: the application's controllers, Actuator's endpoints, Boot's
 * static resources under a prefix, a welcome page. Read once from the registered mappings when the application has
 * started, so that telling a published path from a mapped one costs a hash lookup and a few prefix checks, and
 * allocates nothing, for every path that starts with no mapped prefix.
 *
 * <p>Boot's static resources at {@code /**} are left out: the publisher serves every path, as it always has, and
 * static resources keep the paths of a prefixed pattern such as {@code spring.mvc.static-path-pattern=/static/**}.
 * Mappings that cannot be read as patterns (functional routes, an application's own HandlerMapping) are asked on
 * every request instead.
 */
final class ControllerPaths {

    private static final String CATCH_ALL = "/**";

    private final String dispatcherPrefix;

    private final Set<String> exactPaths = new HashSet<>();

    private final List<String> prefixes = new ArrayList<>();

    private final List<PathPattern> patterns = new ArrayList<>();

    private final List<HandlerMapping> askedEachTime = new ArrayList<>();

    /**
     * @param dispatcherPrefix the DispatcherServlet's own path, such as {@code /app} for spring.mvc.servlet.path
     *     /app, or "" for the root
     */
    ControllerPaths(Map<String, HandlerMapping> mappings, String dispatcherPrefix) {
        this.dispatcherPrefix = dispatcherPrefix;
        for (HandlerMapping mapping : mappings.values()) {
            if (mapping instanceof RequestMappingInfoHandlerMapping requestMappings) {
                for (RequestMappingInfo info : requestMappings.getHandlerMethods().keySet()) {
                    info.getPatternValues().forEach(this::add);
                }
            }
            else if (mapping instanceof AbstractUrlHandlerMapping urlMappings) {
                urlMappings.getHandlerMap().keySet().forEach(this::add);
                if (urlMappings.getRootHandler() != null) {
                    add("/");
                }
            }
            else {
                askedEachTime.add(mapping);
            }
        }
    }

    /** Whether a handler mapping may answer this request, so that it must go to the DispatcherServlet. */
    boolean isMapped(HttpServletRequest request) {
        String path = lookupPath(request);
        if (path == null) {
            return false;
        }
        if (exactPaths.contains(path)) {
            return true;
        }
        // A mapped path written with %-escapes matches its pattern once decoded, which only the pattern can tell.
        if (path.indexOf('%') >= 0) {
            return matchesDecoded(path) || askedByHandler(request);
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (path.startsWith(prefixes.get(i)) && patterns.get(i).matches(PathContainer.parsePath(path))) {
                return true;
            }
        }
        return askedByHandler(request);
    }

    /** The path as the DispatcherServlet sees it, or null when the request is not for the DispatcherServlet. */
    private String lookupPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int contextLength = request.getContextPath().length();
        if (!uri.startsWith(dispatcherPrefix, contextLength)) {
            return null;
        }
        int start = contextLength + dispatcherPrefix.length();
        if (start == uri.length()) {
            return "/";
        }
        if (!dispatcherPrefix.isEmpty() && uri.charAt(start) != '/') {
            return null;
        }
        return start == 0 ? uri : uri.substring(start);
    }

    private boolean matchesDecoded(String path) {
        if (exactPaths.contains(UriUtils.decode(path, StandardCharsets.UTF_8))) {
            return true;
        }
        PathContainer container = PathContainer.parsePath(path);
        for (PathPattern pattern : patterns) {
            if (pattern.matches(container)) {
                return true;
            }
        }
        return false;
    }

    private boolean askedByHandler(HttpServletRequest request) {
        for (HandlerMapping mapping : askedEachTime) {
            try {
                HandlerExecutionChain handler = mapping.getHandler(request);
                if (handler != null) {
                    return true;
                }
            }
            catch (Exception ex) {
                // A mapping that refuses the request (wrong method, media type) still claims its path.
                return true;
            }
        }
        return false;
    }

    private void add(String pattern) {
        String path = pattern.isEmpty() ? "/" : pattern;
        if (path.equals(CATCH_ALL)) {
            return;
        }
        PathPattern parsed = PathPatternParser.defaultInstance.parse(path);
        if (!parsed.hasPatternSyntax()) {
            exactPaths.add(path);
            return;
        }
        patterns.add(parsed);
        prefixes.add(literalPrefix(path));
    }

    /** The pattern up to its first wildcard or variable: no path without it can match. */
    private static String literalPrefix(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '{') {
                end = i;
                break;
            }
        }
        return pattern.substring(0, end);
    }

}
