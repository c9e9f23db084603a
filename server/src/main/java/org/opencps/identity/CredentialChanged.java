package org.opencps.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.origin.RequestOrigin;

/**
 * A credential of a person that a module above identity keeps was issued, renewed or revoked: today the secret URL of a
 * person's print queue (ipp), which prints as that person to whoever holds it. Declared here, with the person, because
 * both its keeper and the audit trail may depend on identity, while the audit trail may not depend on the entry points
 * that keep such credentials.
 */
public record CredentialChanged(OrgId org, UserId user, Credential credential, Change change, Instant at, UUID eventId,
                                RequestOrigin origin) {

    /** The credentials kept outside identity. */
    public enum Credential { PRINT_QUEUE_SECRET_URL }

    public enum Change { ISSUED, RENEWED, REVOKED }

    /** A new occurrence, with an {@code eventId} of its own, taken in the request served on this thread (if any). */
    public CredentialChanged(OrgId org, UserId user, Credential credential, Change change, Instant at) {
        this(org, user, credential, change, at, UUID.randomUUID(), RequestOrigin.current());
    }

    /** The action of its audit record, such as {@code PRINT_QUEUE_SECRET_URL_ISSUED}. */
    public String action() {
        return credential.name() + "_" + change.name();
    }
}
