package org.opencps.ipp.internal.protocol;

import java.net.URI;
import org.opencps.ipp.PrintQueue;
import org.opencps.platform.security.Actor;

/**
 * Who is asking which queue, and how. {@code actor} and {@code userName} (the person's e-mail
 * address) are null for an unauthenticated Get-Printer-Attributes; {@code printerUri} is the
 * queue's URI as the client reached it.
 */
public record IppContext(PrintQueue queue, Actor actor, String userName, URI printerUri, boolean secure,
                         Authentication authentication) {

    /** What {@code uri-authentication-supported} says for the URI the client used. */
    public enum Authentication {
        BASIC("basic"), REQUESTING_USER_NAME("requesting-user-name");

        private final String keyword;

        Authentication(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public Actor requireActor() {
        if (actor == null) {
            throw new IppStatusException(com.hp.jipp.model.Status.clientErrorNotAuthenticated, "authentication required");
        }
        return actor;
    }

    /**
     * The person whose queue this is. The queue's public description (Get-Printer-Attributes, which
     * needs no credentials) is read as theirs: what it offers is what they may submit.
     */
    public Actor owner() {
        return new Actor(queue.userId(), queue.orgId());
    }

    public URI jobUri(int jobNumber) {
        return URI.create(printerUri + "/" + jobNumber);
    }
}
