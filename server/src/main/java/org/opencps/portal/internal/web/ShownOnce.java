package org.opencps.portal.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opencps.platform.secrets.ServerSecrets;
import org.opencps.platform.security.Actor;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A secret that a form's POST has just made (an API token, an activation code, a secret queue URL),
 * carried to the page the POST redirects to and shown there once (post, redirect, get): reloading
 * that page neither shows it again nor makes another, and the secret is never in an address. It
 * travels as a flash attribute, which waits in the session table until the page is shown, so it is
 * sealed there with the server's key, bound to the person and to what it is.
 */
@Component
public class ShownOnce {

    private static final String PREFIX = "shownOnce.";

    private final ServerSecrets secrets;

    ShownOnce(ServerSecrets secrets) {
        this.secrets = secrets;
    }

    /** Keeps the values (the secret and what the page shows with it) for the page the POST redirects to. */
    public void keep(RedirectAttributes flash, Actor actor, String name, Map<String, String> values) {
        var sealed = new LinkedHashMap<String, String>();
        values.forEach((key, value) -> sealed.put(key, secrets.seal(value, context(actor, name, key))));
        flash.addFlashAttribute(PREFIX + name, sealed);
    }

    /** The values kept for this page, opened and taken out of its model; empty on any later visit. */
    public Optional<Map<String, String>> take(Model model, Actor actor, String name) {
        if (!(model.asMap().remove(PREFIX + name) instanceof Map<?, ?> sealed)) {
            return Optional.empty();
        }
        var opened = new LinkedHashMap<String, String>();
        sealed.forEach((key, value) -> opened.put((String) key, secrets.open((String) value, context(actor, name, (String) key))));
        return Optional.of(opened);
    }

    private static String context(Actor actor, String name, String key) {
        return "portal shown once\0" + actor.userId() + "\0" + name + "\0" + key;
    }
}
