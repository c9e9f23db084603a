package org.opencps.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/** The way a request came in, for rules that name it and for the audit trail. */
public enum Channel {
    PORTAL, API, IPP, DEVICE;

    /** A login session's request: the API's routes or else the portal's. */
    public static Channel ofSessionRequest(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/") ? API : PORTAL;
    }
}
