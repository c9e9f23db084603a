package org.opencps.portal.internal.web;

import java.net.URI;
import org.springframework.ui.Model;

/**
 * The page a form answers with when the next step is another site's authorization page (a cloud service, Google
 * Workspace). Not a redirect: the portal's Content-Security-Policy (form-action 'self') makes browsers refuse a form
 * submission whose redirects leave OpenCPS, so the browser goes on by a refresh of this page, with a link as fallback.
 */
public final class ProviderAuthorization {

    public static final String VIEW = "web/provider-authorization";

    private ProviderAuthorization() {
    }

    /** The view that sends the browser to {@code authorization}; {@code providerKey} is the message key of the provider's name. */
    public static String page(Model model, URI authorization, String providerKey) {
        model.addAttribute("target", authorization.toString());
        model.addAttribute("providerKey", providerKey);
        return VIEW;
    }
}
