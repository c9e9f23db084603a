package org.opencps.tenancy.internal.offboarding;

import java.time.Clock;
import java.time.Instant;
import org.opencps.access.Roles;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.OrganizationPurgeParticipant;
import org.opencps.tenancy.OrganizationPurged;
import org.opencps.tenancy.internal.persistence.OrganizationStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes every row of one organization, in the caller's transaction: each module's data through
 * its {@link OrganizationPurgeParticipant}, then its roles, then the organization itself.
 */
@Component
public class OrganizationPurger {

    private final ObjectProvider<OrganizationPurgeParticipant> participants;
    private final Roles roles;
    private final OrganizationStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationPurger(ObjectProvider<OrganizationPurgeParticipant> participants, Roles roles, OrganizationStore store,
                       ApplicationEventPublisher events, Clock clock) {
        this.participants = participants;
        this.roles = roles;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The caller has checked that the organization may go and that nothing is left below it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void purge(Organization org, UserId purgedBy, OrganizationPurged.Reason reason) {
        participants.orderedStream().forEach(participant -> participant.purgeOrganizationData(org.id()));
        roles.purgeOrganization(org.id());
        store.delete(org.id());
        events.publishEvent(new OrganizationPurged(org.id(), org.parentId(), org.kind(), purgedBy, clock.instant(), reason));
    }

    /**
     * Purges the organization if, checked again under its row lock, it is still discontinued since
     * the cutoff or earlier and has nothing below it. Answers whether it was purged.
     */
    @Transactional
    public boolean purgeIfRetentionEnded(OrgId id, Instant cutoff) {
        Organization org = store.findForUpdate(id).orElse(null);
        if (org == null || org.active() || org.discontinuedAt().isAfter(cutoff) || store.hasChildren(id)) {
            return false;
        }
        purge(org, null, OrganizationPurged.Reason.RETENTION_ENDED);
        return true;
    }
}
