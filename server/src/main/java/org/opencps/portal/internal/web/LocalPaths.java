package org.opencps.portal.internal.web;

/**
 * Where a page may send the browser on: only a path on this site. A "continue" or "back"
 * parameter that names another site (//evil.example, /\evil.example, https://...) is ignored, so
 * the portal is never an open redirect.
 */
public final class LocalPaths {

    private static final int MAX_LENGTH = 500;

    private LocalPaths() {
    }

    public static String orDefault(String path, String fallback) {
        return isLocal(path) ? path : fallback;
    }

    static boolean isLocal(String path) {
        if (path == null || path.isEmpty() || path.length() > MAX_LENGTH || path.charAt(0) != '/') {
            return false;
        }
        if (path.length() > 1 && (path.charAt(1) == '/' || path.charAt(1) == '\\')) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            // braces would be read as URI template variables by the redirect
            if (c < 0x21 || c == '\\' || c == '{' || c == '}' || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
