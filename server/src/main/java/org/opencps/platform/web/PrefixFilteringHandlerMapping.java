package org.opencps.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * passes: a set lookup per route, the path's beginnings worked out once per request. Routes match exactly as before; what is not a match (405, 415...) is still worked out
 * by Spring over all routes.
 */
class PrefixFilteringHandlerMapping extends RequestMappingHandlerMapping {

    /**
     * The beginnings of the path being looked up that a route's literal beginning can be: "" and the
     * path up to each "/" and whole, as sent and decoded (a pattern matches decoded segments).
     */
    private static final ThreadLocal<Set<String>> LOOKUP = new ThreadLocal<>();

    private volatile Map<RequestMappingInfo, String[]> prefixes = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        var byRoute = new IdentityHashMap<RequestMappingInfo, String[]>();
        handlerMethods.keySet().forEach(info -> byRoute.put(info, prefixes(info).toArray(String[]::new)));
        prefixes = byRoute;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Set<String> beginnings = new HashSet<>();
        addBeginnings(lookupPath, beginnings);
        addBeginnings(decoded(lookupPath), beginnings);
        LOOKUP.set(beginnings);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        Set<String> beginnings = LOOKUP.get();
        String[] literal = prefixes.get(info);
        if (beginnings != null && literal != null && !beginsWithAny(beginnings, literal)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean beginsWithAny(Set<String> beginnings, String[] literal) {
        for (String prefix : literal) {
            if (beginnings.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A literal beginning is "" or ends before a "/" of its pattern, so a path the pattern matches
     * begins with it exactly up to one of the path's "/" or, for "/a/**", is it whole.
     */
    static void addBeginnings(String path, Set<String> beginnings) {
        beginnings.add("");
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            beginnings.add(path.substring(0, slash));
        }
        beginnings.add(path);
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
