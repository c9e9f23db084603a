package org.opencps.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.opencps.access.OrganizationLookup.OrgNode;
import org.opencps.access.internal.persistence.RoleStore;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.errors.ProblemText;
import org.opencps.platform.ids.DeviceId;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;

/**
 * THE access policy: the PRODUCT.md §2 table as code. Every module face asks it first; it
 * denies by default. An actor's permissions come from their roles in the organization they work
 * in; a provider's device permissions also reach the organizations directly below it; a
 * discontinued organization keeps only read permissions. Nobody ever sees another person's jobs.
 */
@Service
public class AccessPolicy {

    private final OrganizationLookup organizations;
    private final RoleStore roles;

    AccessPolicy(OrganizationLookup organizations, RoleStore roles) {
        this.organizations = organizations;
        this.roles = roles;
    }

    /** What the actor may do in the target organization; empty when it is none of their business. */
    public Set<Permission> permissions(Actor actor, OrgId target) {
        if (actor == null || actor.orgId() == null || target == null) {
            return EnumSet.noneOf(Permission.class);
        }
        OrgNode acting = organizations.find(actor.orgId()).orElse(null);
        OrgNode node = organizations.find(target).orElse(null);
        if (acting == null || node == null) {
            return EnumSet.noneOf(Permission.class);
        }
        Set<Permission> held = heldPermissions(acting, actor.userId());
        Set<Permission> result = EnumSet.noneOf(Permission.class);
        for (Permission permission : held) {
            boolean applies = node.id().equals(acting.id())
                    || (isDirectChild(node, acting) && permission.reachesChildren());
            boolean writable = permission.readOnly() || (acting.active() && node.active());
            if (applies && writable) {
                result.add(permission);
            }
        }
        return result;
    }

    public boolean can(Actor actor, Permission permission, OrgId target) {
        return permissions(actor, target).contains(permission);
    }

    /**
     * Passes when the actor holds the permission in the target. Otherwise 403 when the actor may
     * know the organization exists (their own, or one they created), and 404 when not.
     */
    public void require(Actor actor, Permission permission, OrgId target) {
        if (can(actor, permission, target)) {
            return;
        }
        if (knows(actor, target)) {
            throw new ForbiddenException("problem.access.denied", "your role does not allow " + describe(permission) + " in this organization",
                    permissionName(permission));
        }
        throw new NotFoundException("organization");
    }

    /** The actor's own organization, or one directly below it if the actor works for its provider. */
    public boolean knows(Actor actor, OrgId target) {
        if (actor == null || actor.orgId() == null || target == null) {
            return false;
        }
        if (target.equals(actor.orgId())) {
            return true;
        }
        OrgNode node = organizations.find(target).orElse(null);
        OrgNode acting = organizations.find(actor.orgId()).orElse(null);
        return node != null && acting != null && acting.kind().isProvider() && isDirectChild(node, acting)
                && !roles.rolesOf(acting.id(), actor.userId()).isEmpty();
    }

    /**
     * Managing a member (their roles, their membership, a card or PIN for them) may take from them
     * at most what the actor could grant: it needs user management and every permission the member
     * holds in the organization (PRODUCT.md §2). Someone who is no member holds nothing here, so the
     * face's own lookup still answers 404 for them.
     */
    public void requireManageMember(Actor actor, OrgId org, UserId member) {
        require(actor, Permission.USERS_MANAGE, org);
        OrgNode node = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        requireHoldsAll(actor, org, heldPermissions(node, member), Holder.PERSON);
    }

    /** What needs the permissions an actor must hold themselves, in a refusal's words and key. */
    public enum Holder {
        PERSON("this person holds", "problem.access.personHolds"),
        ROLE("this role carries", "problem.access.roleCarries"),
        SSO("single sign-on needs", "problem.access.ssoNeeds");

        private final String english;
        private final String key;

        Holder(String english, String key) {
            this.english = english;
            this.key = key;
        }
    }

    /** Passes when the actor holds every one of the permissions in the organization; otherwise 403 naming those they lack. */
    public void requireHoldsAll(Actor actor, OrgId org, Set<Permission> permissions, Holder holder) {
        Set<Permission> missing = EnumSet.noneOf(Permission.class);
        missing.addAll(permissions);
        missing.removeAll(permissions(actor, org));
        if (!missing.isEmpty()) {
            String names = missing.stream().map(AccessPolicy::describe).collect(java.util.stream.Collectors.joining(", "));
            throw new ForbiddenException(holder.key, holder.english + " permissions you do not hold yourself (" + names + ")",
                    new ProblemText.Names(missing.stream().map(AccessPolicy::permissionName).toList()));
        }
    }

    /**
     * Print and scan job data: only its owner, working in the job's organization, ever sees it.
     * Anyone else gets 404, so job ids reveal nothing.
     */
    public boolean canAccessOwnJob(Actor actor, OrgId org, UserId owner) {
        return Objects.equals(actor.userId(), owner) && Objects.equals(actor.orgId(), org)
                && can(actor, Permission.JOBS_OWN, org);
    }

    public void requireOwnJob(Actor actor, OrgId org, UserId owner) {
        if (!canAccessOwnJob(actor, org, owner)) {
            throw new NotFoundException("job");
        }
    }

    /** A device fetches, and reports on, only the jobs released to it (PRODUCT.md §4); any other job is a 404. */
    public void requireReleasedTo(OrgId org, DeviceId device, JobFacts job) {
        DeviceAccess.requireReleasedTo(org, device, job);
    }

    /**
     * A device acts as itself, and an edge agent also for the active printers it stands in for
     * ({@code targetDevice}: the target as its organization's records have it, null when unknown).
     * Anything else is a 404: a credential learns nothing of other devices.
     */
    public void requireActsFor(DeviceFacts caller, DeviceId target, DeviceFacts targetDevice) {
        DeviceAccess.requireActsFor(caller, target, targetDevice);
    }

    /**
     * A print queue is its owner's alone: whether the person signed in (with a credential bound to
     * {@code credentialOrg}, or null for a password) may print to it. The IPP entry point answers a
     * refusal in its own protocol.
     */
    public boolean isOwnQueue(UserId signedIn, OrgId credentialOrg, QueueFacts queue) {
        return QueueAccess.isOwnQueue(signedIn, credentialOrg, queue);
    }

    /**
     * An organization is managed by the admins of the provider directly above it: 404 when the
     * actor may not know it exists, 403 when they may (their own, say), and for the root provider.
     */
    public void requireManageOrganization(Actor actor, OrgId target) {
        OrgNode node = target == null ? null : organizations.find(target).orElse(null);
        if (node == null || !knows(actor, target)) {
            throw new NotFoundException("organization");
        }
        if (node.parentId() == null) {
            throw new ForbiddenException("problem.access.rootUnmanaged", "the root provider has no provider above it to manage it");
        }
        if (!can(actor, Permission.ORGANIZATIONS_MANAGE, node.parentId())) {
            throw new ForbiddenException("problem.access.parentAdminOnly", "only an admin of the provider above this organization may manage it");
        }
    }

    /** Anything of one's own in an organization (an API token, say) needs some role there: 403 without. */
    public void requireAnyRole(Actor actor, OrgId org) {
        if (permissions(actor, org).isEmpty()) {
            throw new ForbiddenException("problem.access.noRole", "you hold no role in this organization");
        }
    }

    /**
     * Managing people's credentials never yields one (PRODUCT.md §2): a login credential works at
     * once only when its owner, working in that organization, set it up. One that anyone else set
     * up for them waits for the owner, and only the owner can confirm it.
     */
    public boolean isOwnCredential(Actor actor, OrgId org, UserId owner) {
        return Objects.equals(actor.userId(), owner) && Objects.equals(actor.orgId(), org);
    }

    /** The owner confirms their credential; anyone else gets 404, like an unknown one. */
    public void requireConfirmOwnCredential(Actor actor, OrgId org, UserId owner, String what) {
        if (!isOwnCredential(actor, org, owner)) {
            throw new NotFoundException(what);
        }
        require(actor, Permission.JOBS_OWN, org);
    }

    /**
     * A person's own credentials (cards) are theirs to see and change, with the right to print in
     * the organization; anyone else's need user management there. True when the actor is the owner.
     */
    public boolean requireOwnCredentialOrUserManager(Actor actor, OrgId org, UserId owner) {
        boolean own = isOwnCredential(actor, org, owner);
        require(actor, own ? Permission.JOBS_OWN : Permission.USERS_MANAGE, org);
        return own;
    }

    /** A person's own usage: only themselves, or an admin with reports of their organization. */
    public boolean canViewUsageOf(Actor actor, OrgId org, UserId person) {
        return (Objects.equals(actor.userId(), person) && can(actor, Permission.REPORTS_OWN_USAGE, org))
                || can(actor, Permission.REPORTS_VIEW, org);
    }

    /**
     * Reading an organization's audit trail (PRODUCT.md §8 with §2): its own admins (audit view)
     * see all of it; the admins of the provider directly above it see only what their own
     * provider's people did there, never the customer's people or their actions. 404 when the
     * actor may not know the organization, 403 when the role does not allow it.
     */
    public AuditReach requireReadAudit(Actor actor, OrgId target) {
        if (can(actor, Permission.AUDIT_VIEW, target)) {
            return new AuditReach(target, null, List.of());
        }
        OrgNode node = target == null ? null : organizations.find(target).orElse(null);
        OrgNode acting = actor == null || actor.orgId() == null ? null : organizations.find(actor.orgId()).orElse(null);
        if (node != null && acting != null && acting.kind().isProvider() && isDirectChild(node, acting)
                && heldPermissions(acting, actor.userId()).contains(Permission.AUDIT_VIEW)) {
            return new AuditReach(target, acting.id(), roles.members(acting.id()));
        }
        require(actor, Permission.AUDIT_VIEW, target);
        throw new IllegalStateException("require passes only where can does");
    }

    /** Verifying an organization's chain, or setting its audit retention: its own admins only. */
    public void requireOwnAudit(Actor actor, OrgId target) {
        // audit view never reaches the organizations below: this holds in the actor's own only
        require(actor, Permission.AUDIT_VIEW, target);
    }

    /**
     * Setting or removing an organization's own SIEM target: its own admins who may both read its audit trail and
     * manage its settings; never the provider above (the target receives the customer's records).
     */
    public void requireManageOwnSiem(Actor actor, OrgId target) {
        requireOwnAudit(actor, target);
        require(actor, Permission.SETTINGS_MANAGE, target);
    }

    /**
     * A customer's contract report and contract history (PRODUCT.md §1, §6) show it by name: only
     * to the provider directly above it (its admins and support, working there) and to the
     * customer's own report viewers. Providers further up see it only inside anonymized totals.
     * 404 when the actor may not know the organization, 403 when they may.
     */
    public void requireContractReportOf(Actor actor, OrgId customer) {
        OrgNode node = customer == null ? null : organizations.find(customer).orElse(null);
        boolean parent = node != null && node.parentId() != null && actor != null
                && node.parentId().equals(actor.orgId()) && can(actor, Permission.LICENSE_REPORTS_VIEW, node.parentId());
        if (parent || can(actor, Permission.REPORTS_VIEW, customer)) {
            return;
        }
        if (knows(actor, customer)) {
            throw new ForbiddenException("problem.access.contractReports", "your role does not allow contract reports of this organization");
        }
        throw new NotFoundException("organization");
    }

    /**
     * A customer organization's single sign-on (its identity provider, who may use a password): only its
     * customer admins, since it decides who can get in. It needs settings, user and role management there.
     */
    public void requireManageSignIn(Actor actor, OrgId org) {
        require(actor, Permission.SETTINGS_MANAGE, org);
        requireHoldsAll(actor, org, EnumSet.of(Permission.USERS_MANAGE, Permission.ROLES_MANAGE), Holder.SSO);
        OrgNode node = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        if (node.kind().isProvider()) {
            throw new ForbiddenException("problem.access.ssoPerCustomer", "single sign-on is set up by each customer organization for its own people");
        }
    }

    Set<Permission> heldPermissions(OrgNode org, UserId user) {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        for (RoleRef role : roles.rolesOf(org.id(), user)) {
            if (role.isCustom()) {
                roles.findCustomRole(org.id(), role.customRoleId()).ifPresent(custom -> held.addAll(custom.permissions()));
            } else if (role.fixedRole().appliesTo(org.kind())) {
                held.addAll(role.fixedRole().permissions());
            }
        }
        return held;
    }

    private static boolean isDirectChild(OrgNode node, OrgNode parent) {
        return parent.id().equals(node.parentId());
    }

    private static DefaultMessageSourceResolvable permissionName(Permission permission) {
        return new DefaultMessageSourceResolvable(new String[] {"permission." + permission.name()}, null, describe(permission));
    }

    private static String describe(Permission permission) {
        return permission.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
