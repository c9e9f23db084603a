package org.opencps.access;

import java.util.Locale;
import org.opencps.platform.text.Names;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencps.access.OrganizationLookup.OrgNode;
import org.opencps.access.internal.persistence.RoleStore;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which role, and the custom roles of a customer organization. Nobody can grant more
 * than they hold, nor take from anyone more than they could grant; the one exception is a provider
 * appointing the admins of an organization it created while it has none ({@link ProviderAppointments}),
 * which is how a new organization gets its first admin.
 */
@Service
public class Roles {

    private final AccessPolicy policy;
    private final OrganizationLookup organizations;
    private final ProviderAppointments appointments;
    private final RoleStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Roles(AccessPolicy policy, OrganizationLookup organizations, ProviderAppointments appointments, RoleStore store, Clock clock,
          ApplicationEventPublisher events) {
        this.events = events;
        this.policy = policy;
        this.organizations = organizations;
        this.appointments = appointments;
        this.store = store;
        this.clock = clock;
    }

    public Set<RoleRef> rolesOf(OrgId org, UserId user) {
        return store.rolesOf(org, user);
    }

    /** The members of an organization holding its admin role (customer or provider admin). */
    public List<UserId> adminsOf(OrgId org) {
        var admins = new java.util.LinkedHashSet<UserId>();
        admins.addAll(store.holders(org, RoleRef.of(FixedRole.CUSTOMER_ADMIN)));
        admins.addAll(store.holders(org, RoleRef.of(FixedRole.PROVIDER_ADMIN)));
        return List.copyOf(admins);
    }

    /**
     * Checks that the inviter may invite someone into the organization with these roles; throws with
     * the reason when not. {@code inviteeOrganizations} are the organizations the invited address's
     * account belongs to (none for a new address): a provider never appoints one of its own people.
     */
    public void requireInvitable(Actor inviter, OrgId org, Set<RoleRef> roles, Set<OrgId> inviteeOrganizations) {
        OrgNode target = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        requireSomeRole(roles);
        if (!org.equals(inviter.orgId())) {
            appointments.requireAppointable(inviter, target, roles, inviteeOrganizations);
            return;
        }
        requireGrantableHere(inviter, target, roles);
    }

    /**
     * Accepting a provider's invitation appoints an admin: only while the organization still has no
     * admin, and never for an account that belongs to the provider or an organization above it.
     */
    public void requireAppointmentStands(OrgId org, Set<OrgId> appointeeOrganizations) {
        OrgNode target = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        appointments.requireStillOpen(target, appointeeOrganizations);
    }

    /** Whether the actor, a provider admin, may appoint the admins of this organization below it now. */
    public boolean mayAppointAdmins(Actor actor, OrgId org) {
        return organizations.find(org).map(target -> appointments.mayAppoint(actor, target)).orElse(false);
    }

    private static void requireSomeRole(Set<RoleRef> roles) {
        if (roles.isEmpty()) {
            throw new InvalidInputException("roles", "problem.roles.none", "at least one role is required");
        }
    }

    /** A member of the organization grants roles there: only roles carrying nothing they do not hold. */
    private void requireGrantableHere(Actor granter, OrgNode target, Set<RoleRef> roles) {
        OrgId org = target.id();
        policy.require(granter, Permission.USERS_MANAGE, org);
        Set<Permission> own = policy.permissions(granter, org);
        for (RoleRef role : roles) {
            Set<Permission> granted = permissionsOf(target, role);
            if (!own.containsAll(granted)) {
                throw new ForbiddenException("problem.role.morePermissions", "role " + role + " carries permissions you do not hold yourself", role.toString());
            }
        }
    }

    /** Grants roles already checked with {@link #requireInvitable} (an invitation being accepted). */
    @Transactional
    public void grant(OrgId org, UserId user, Set<RoleRef> roles) {
        var merged = new java.util.LinkedHashSet<>(store.rolesOf(org, user));
        merged.addAll(roles);
        store.replaceRoles(org, user, merged);
    }

    /**
     * Replaces a member's roles, as an admin does in the portal: the granter must hold every
     * permission the member holds now and every one the new roles carry.
     */
    @Transactional
    public void setRoles(Actor granter, OrgId org, UserId user, Set<RoleRef> roles) {
        policy.requireManageMember(granter, org, user);
        OrgNode target = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        requireSomeRole(roles);
        requireGrantableHere(granter, target, roles);
        Set<RoleRef> before = store.rolesOf(org, user);
        store.replaceRoles(org, user, roles);
        requireAnAdminRemains(org, before, roles);
    }

    /** Takes every role of a member who leaves; the caller has checked {@link AccessPolicy#requireManageMember}. */
    @Transactional
    public void revokeAll(OrgId org, UserId user) {
        Set<RoleRef> before = store.rolesOf(org, user);
        store.revokeAll(org, user);
        requireAnAdminRemains(org, before, Set.of());
    }

    @Transactional
    public CustomRole createCustomRole(Actor actor, OrgId org, String name, Set<Permission> permissions) {
        policy.require(actor, Permission.ROLES_MANAGE, org);
        OrgNode node = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        if (node.kind().isProvider()) {
            throw new ForbiddenException("problem.role.customOnlyInCustomers", "custom roles exist only in customer organizations");
        }
        String trimmed = Names.require("name", name, 100, "a role name");
        if (permissions == null || permissions.isEmpty()) {
            throw new InvalidInputException("permissions", "problem.roles.noPermission", "a custom role needs at least one permission");
        }
        for (Permission permission : permissions) {
            if (!permission.allowedInCustomRole()) {
                throw new InvalidInputException("permissions", "problem.role.permissionNotCustom", permission + " cannot be part of a custom role",
                        new DefaultMessageSourceResolvable(new String[] {"permission." + permission.name()}, null, permission.name()));
            }
        }
        if (!policy.permissions(actor, org).containsAll(permissions)) {
            throw new ForbiddenException("problem.role.customMorePermissions", "a custom role cannot carry permissions you do not hold yourself");
        }
        if (store.customRoleNameTaken(org, trimmed)) {
            throw new ConflictException("name", "problem.roles.exists", "a role named '" + trimmed + "' already exists", trimmed);
        }
        var role = new CustomRole(org, UUID.randomUUID(), trimmed, EnumSet.copyOf(permissions), clock.instant());
        store.insertCustomRole(role);
        events.publishEvent(new CustomRoleChanged(org, role.id(), trimmed, role.permissions(), false, actor.userId(), clock.instant()));
        return role;
    }

    public List<CustomRole> customRoles(Actor actor, OrgId org) {
        policy.require(actor, Permission.USERS_VIEW, org);
        return store.customRoles(org);
    }

    /** Deleting a role takes it from everyone holding it: only someone who holds all it carries may. */
    @Transactional
    public void deleteCustomRole(Actor actor, OrgId org, UUID roleId) {
        policy.require(actor, Permission.ROLES_MANAGE, org);
        CustomRole role = store.findCustomRole(org, roleId).orElseThrow(() -> new NotFoundException("role"));
        policy.requireHoldsAll(actor, org, role.permissions(), AccessPolicy.Holder.ROLE);
        if (!store.deleteCustomRole(org, roleId)) {
            throw new NotFoundException("role");
        }
        events.publishEvent(new CustomRoleChanged(org, roleId, role.name(), role.permissions(), true, actor.userId(), clock.instant()));
    }

    /** Removes every role row of an organization: part of its purge. */
    @Transactional
    public void purgeOrganization(OrgId org) {
        store.purgeOrganization(org);
    }

    private Set<Permission> permissionsOf(OrgNode org, RoleRef role) {
        if (role.isCustom()) {
            return store.findCustomRole(org.id(), role.customRoleId())
                    .map(CustomRole::permissions)
                    .orElseThrow(() -> new InvalidInputException("roles", "problem.role.noSuchCustom", "no custom role " + role + " in this organization"));
        }
        if (!role.fixedRole().appliesTo(org.kind())) {
            throw new InvalidInputException("roles", "problem.role.notInKind",
                    "role " + role + " does not exist in a " + org.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " organization",
                    role.toString(), new DefaultMessageSourceResolvable("kind." + org.kind().name()));
        }
        return role.fixedRole().permissions();
    }

    private void requireAnAdminRemains(OrgId org, Set<RoleRef> before, Set<RoleRef> after) {
        for (FixedRole admin : List.of(FixedRole.CUSTOMER_ADMIN, FixedRole.PROVIDER_ADMIN)) {
            RoleRef ref = RoleRef.of(admin);
            if (before.contains(ref) && !after.contains(ref) && store.countHolders(org, ref) == 0) {
                throw new ConflictException("roles", "problem.roles.lastAdmin",
                        "the organization must keep at least one " + admin.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
        }
    }
}
