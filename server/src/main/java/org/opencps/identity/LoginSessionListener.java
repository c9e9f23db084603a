package org.opencps.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Told by {@link SessionLogin} when a person logs in on a browser, after the address check and the end of any
 * old session, just before the new session starts. The portal's CSRF tokens listen, to retire the token the
 * browser had as a visitor; identity knows nothing more about them.
 */
public interface LoginSessionListener {

    void loginSessionStarting(HttpServletRequest request, HttpServletResponse response);
}
