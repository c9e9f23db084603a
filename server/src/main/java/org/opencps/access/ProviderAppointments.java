package org.opencps.access;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.opencps.access.OrganizationLookup.OrgNode;
import org.opencps.access.internal.persistence.RoleStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.stereotype.Component;

/**
 * A provider appoints the administrators of an organization it created, and that is how a new
 * organization gets its first admin (PRODUCT.md §2). It may do so only while the organization has
 * no admin at all (at first, or should it ever be left without one), only with the admin roles,
 * and never for one of its own people or anyone of an organization further up the tree: a
 * provider cannot make itself the admin of a customer and so reach the customer's people.
 */
@Component
class ProviderAppointments {

    private final AccessPolicy policy;
    private final OrganizationLookup organizations;
    private final RoleStore store;

    ProviderAppointments(AccessPolicy policy, OrganizationLookup organizations, RoleStore store) {
        this.policy = policy;
        this.organizations = organizations;
        this.store = store;
    }

    /** The provider admin inviting: the provider directly above, admin roles only, no admin yet, nobody from above. */
    void requireAppointable(Actor granter, OrgNode target, Set<RoleRef> roles, Set<OrgId> appointeeOrganizations) {
        if (target.parentId() == null || !target.parentId().equals(granter.orgId())) {
            throw new NotFoundException("organization");
        }
        policy.require(granter, Permission.ORGANIZATIONS_MANAGE, target.parentId());
        Set<FixedRole> appointable = appointableRoles(target);
        for (RoleRef role : roles) {
            if (role.isCustom() || !appointable.contains(role.fixedRole())) {
                throw new ForbiddenException(target.kind().isProvider() ? "problem.appointment.onlyProviderStaff" : "problem.appointment.onlyAdmins",
                        "in an organization you created you may only appoint " + appointable);
            }
        }
        if (hasAdmin(target)) {
            throw new ForbiddenException("problem.appointment.hasAdmin",
                    "a provider appoints administrators only while the organization has no administrator;"
                    + " its administrators invite everyone else");
        }
        requireFromOutside(target, appointeeOrganizations);
    }

    /** The appointed person accepting: the organization still has no admin, and they are not from above. */
    void requireStillOpen(OrgNode target, Set<OrgId> appointeeOrganizations) {
        if (hasAdmin(target)) {
            throw new ConflictException("token", "problem.appointment.adminNow",
                    "this organization has an administrator now, so its provider's invitation"
                    + " can no longer be accepted; ask that administrator to invite you");
        }
        requireFromOutside(target, appointeeOrganizations);
    }

    /** Whether the actor may appoint admins of the organization right now (for pages to offer it or not). */
    boolean mayAppoint(Actor actor, OrgNode target) {
        return target.parentId() != null && target.parentId().equals(actor.orgId())
                && policy.can(actor, Permission.ORGANIZATIONS_MANAGE, target.parentId()) && !hasAdmin(target);
    }

    private boolean hasAdmin(OrgNode target) {
        FixedRole admin = target.kind().isProvider() ? FixedRole.PROVIDER_ADMIN : FixedRole.CUSTOMER_ADMIN;
        return store.countHolders(target.id(), RoleRef.of(admin)) > 0;
    }

    private void requireFromOutside(OrgNode target, Set<OrgId> appointeeOrganizations) {
        Set<OrgId> seen = new HashSet<>();
        OrgId above = target.parentId();
        while (above != null && seen.add(above)) {
            if (appointeeOrganizations.contains(above)) {
                throw new ForbiddenException("problem.appointment.ownPeople",
                        "a provider never appoints its own people, nor anyone of an organization"
                        + " above the one it appoints for");
            }
            above = organizations.find(above).map(OrgNode::parentId).orElse(null);
        }
    }

    private static Set<FixedRole> appointableRoles(OrgNode target) {
        return target.kind().isProvider()
                ? EnumSet.of(FixedRole.PROVIDER_ADMIN, FixedRole.PROVIDER_SUPPORT)
                : EnumSet.of(FixedRole.CUSTOMER_ADMIN);
    }
}
