package org.opencps.access;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;

/** The rule of print queues, for {@link AccessPolicy}: a queue is its owner's alone. */
final class QueueAccess {

    private QueueAccess() {
    }

    /**
     * Whether the person signed in may print to the queue: only its owner, and with a credential
     * bound to an organization (an API token) only in the queue's. {@code credentialOrg} is null for
     * a password, which is the person's in every organization they belong to.
     */
    static boolean isOwnQueue(UserId signedIn, OrgId credentialOrg, QueueFacts queue) {
        return signedIn != null && queue != null && signedIn.equals(queue.owner())
                && (credentialOrg == null || credentialOrg.equals(queue.org()));
    }
}
