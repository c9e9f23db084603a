package org.opencps.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, minus most of its cost. For a path with variables (most of ours:
 * they carry ids) Spring tries every route of the application in turn, checking method, headers
 * and media types before the path; with a few hundred routes that was a fifth of the CPU of a
 * simple request. Here a route is tried only if the path begins with the literal part of one of
 * its patterns (up to the last "/" before the first variable or wildcard), a test every match
 * passes. Routes match exactly as before; what is not a match (405, 415...) is still worked out
 * by Spring over all routes.
 */
class PrefixFilteringHandlerMapping extends RequestMappingHandlerMapping {

    /** The path being looked up, as sent and decoded: a pattern matches decoded segments. */
    private static final ThreadLocal<String[]> LOOKUP = new ThreadLocal<>();

    private volatile Map<RequestMappingInfo, List<String>> prefixes = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        var byRoute = new IdentityHashMap<RequestMappingInfo, List<String>>();
        handlerMethods.keySet().forEach(info -> byRoute.put(info, prefixes(info)));
        prefixes = byRoute;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        LOOKUP.set(new String[] {lookupPath, decoded(lookupPath)});
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String[] paths = LOOKUP.get();
        List<String> literal = prefixes.get(info);
        if (paths != null && literal != null
                && literal.stream().noneMatch(prefix -> paths[0].startsWith(prefix) || paths[1].startsWith(prefix))) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** The literal beginnings of the route's patterns; "" (anything) for a route without path patterns. */
    static List<String> prefixes(RequestMappingInfo info) {
        PathPatternsRequestCondition paths = info.getPathPatternsCondition();
        if (paths == null || paths.getPatterns().isEmpty()) {
            return List.of("");
        }
        return paths.getPatterns().stream().map(PathPattern::getPatternString).map(PrefixFilteringHandlerMapping::literalPrefix).toList();
    }

    /** "/api/v1/organizations/{org}/devices" gives "/api/v1/organizations"; "/login" gives "". */
    static String literalPrefix(String pattern) {
        int variable = indexOfAny(pattern, "{*?");
        String literal = variable < 0 ? pattern : pattern.substring(0, variable);
        int slash = literal.lastIndexOf('/');
        return slash <= 0 ? "" : literal.substring(0, slash);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static String decoded(String path) {
        try {
            return path.indexOf('%') < 0 ? path : UriUtils.decode(path, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }
}
