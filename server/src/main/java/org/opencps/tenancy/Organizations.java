package org.opencps.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.platform.security.StepUp;
import org.opencps.tenancy.internal.network.AllowList;
import org.opencps.tenancy.internal.offboarding.OffboardingProperties;
import org.opencps.tenancy.internal.offboarding.OrganizationPurger;
import org.opencps.tenancy.internal.persistence.OrganizationStore;
import org.opencps.tenancy.internal.persistence.RegionLinkStore;
import org.opencps.tenancy.internal.reports.SubtreeCustomers;
import org.opencps.tenancy.internal.reports.TreeView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization tree: the root provider, providers at any depth, customers as leaves. A
 * provider manages the organizations directly below it; a discontinued organization is read-only
 * until it is reactivated or purged.
 */
@Service
public class Organizations {

    private final AccessPolicy policy;
    private final OrganizationStore store;
    private final RegionLinkStore regionLinks;
    private final OrganizationPurger purger;
    private final SubtreeCustomers subtreeCustomers;
    private final TreeView treeView;
    private final OffboardingProperties offboarding;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final StepUp stepUp;

    Organizations(AccessPolicy policy, OrganizationStore store, RegionLinkStore regionLinks, OrganizationPurger purger,
                  SubtreeCustomers subtreeCustomers, TreeView treeView, OffboardingProperties offboarding,
                  ApplicationEventPublisher events, Clock clock, StepUp stepUp) {
        this.stepUp = stepUp;
        this.policy = policy;
        this.store = store;
        this.regionLinks = regionLinks;
        this.purger = purger;
        this.subtreeCustomers = subtreeCustomers;
        this.treeView = treeView;
        this.offboarding = offboarding;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the root provider on first start; refused once a root exists. */
    @Transactional
    public Organization bootstrapRoot(String name) {
        if (store.root().isPresent()) {
            throw new ConflictException("organizationName", "problem.organization.rootExists", "the root provider already exists");
        }
        var root = new Organization(OrgId.random(), null, OrgKind.ROOT_PROVIDER, OrganizationNames.validate(name),
                Organization.Status.ACTIVE, clock.instant(), null);
        store.insert(root, null);
        store.saveSettings(root.id(), OrganizationSettings.defaults());
        return root;
    }

    public Optional<Organization> root() {
        return store.root();
    }

    /** For other modules that need an organization's kind or state; not for showing to a person. */
    public Optional<Organization> find(OrgId id) {
        return store.find(id);
    }

    public Organization get(Actor actor, OrgId id) {
        if (!policy.knows(actor, id)) {
            throw new NotFoundException("organization");
        }
        return store.find(id).orElseThrow(() -> new NotFoundException("organization"));
    }

    /**
     * The organization, for an admin of the provider directly above it, who manages it: 404 for one
     * the actor does not know, 403 for one they know (their own, say), as the changes answer.
     */
    public Organization managed(Actor actor, OrgId id) {
        return requireManagedChild(actor, id);
    }

    @Transactional
    public Organization create(Actor actor, OrgId parentId, NewOrganization request) {
        policy.require(actor, Permission.ORGANIZATIONS_MANAGE, parentId);
        // the lock keeps the parent from being discontinued or purged while a child is added
        Organization parent = store.findForUpdate(parentId).orElseThrow(() -> new NotFoundException("organization"));
        if (!parent.kind().isProvider()) {
            throw new ForbiddenException("problem.organization.notProvider", "only a provider can have organizations below it");
        }
        requireActive(parent);
        if (request.kind() == null || request.kind() == OrgKind.ROOT_PROVIDER) {
            throw new InvalidInputException("kind", "problem.organization.kind", "kind must be PROVIDER or CUSTOMER");
        }
        String name = OrganizationNames.validate(request.name());
        License license = Licenses.forNewOrganization(request.kind(), request.license());
        String parentPath = store.path(parentId).orElseThrow();
        TreeRules.requireRoomBelow(parentPath);
        requireFreeName(parentId, name);
        var org = new Organization(OrgId.random(), parentId, request.kind(), name, Organization.Status.ACTIVE,
                clock.instant(), null);
        try {
            store.insert(org, parentPath);
        } catch (DuplicateKeyException e) {
            throw OrganizationNames.taken(name);
        }
        store.saveSettings(org.id(), OrganizationSettings.defaults());
        events.publishEvent(new OrganizationCreated(org.id(), parentId, org.kind(), name, actor.userId(), org.createdAt()));
        if (license != null) {
            store.saveLicense(org.id(), license);
            events.publishEvent(new LicenseChanged(org.id(), parentId, actor.userId(), null, license, org.createdAt()));
        }
        return org;
    }

    public List<Organization> children(Actor actor, OrgId parentId) {
        if (!policy.can(actor, Permission.ORGANIZATIONS_MANAGE, parentId)) {
            policy.require(actor, Permission.LICENSE_REPORTS_VIEW, parentId);
        }
        return store.children(parentId);
    }

    @Transactional
    public Organization rename(Actor actor, OrgId id, String newName) {
        Organization org = requireActive(requireManagedChild(actor, id));
        String name = OrganizationNames.validate(newName);
        if (!name.equalsIgnoreCase(org.name())) {
            requireFreeName(org.parentId(), name);
        }
        try {
            store.rename(id, name);
        } catch (DuplicateKeyException e) {
            throw OrganizationNames.taken(name);
        }
        events.publishEvent(new OrganizationRenamed(id, org.parentId(), org.name(), name, actor.userId(), clock.instant()));
        return store.find(id).orElseThrow();
    }

    public License license(Actor actor, OrgId id) {
        if (!policy.can(actor, Permission.SETTINGS_VIEW, id)) {
            requireManagedChild(actor, id);
        }
        return store.license(id).orElseThrow(() -> new NotFoundException("license"));
    }

    @Transactional
    public License setLicense(Actor actor, OrgId id, License license) {
        Organization org = requireActive(requireManagedChild(actor, id));
        if (org.kind() != OrgKind.CUSTOMER) {
            throw new InvalidInputException("license", "problem.license.onlyCustomers", "only customer organizations have a license");
        }
        License before = store.license(id).orElse(null);
        store.saveLicense(id, Licenses.validate(license));
        if (!license.equals(before)) {
            events.publishEvent(new LicenseChanged(id, org.parentId(), actor.userId(), before, license, clock.instant()));
        }
        return license;
    }

    public OrganizationSettings settings(Actor actor, OrgId id) {
        policy.require(actor, Permission.SETTINGS_VIEW, id);
        return settingsOf(id);
    }

    /**
     * Replaces the settings. {@code clientAddress} is the address the change comes from: an admin
     * working in this organization cannot save an IP allow-list without it, which would lock them out.
     */
    @Transactional
    public OrganizationSettings updateSettings(Actor actor, OrgId id, OrganizationSettings settings, String clientAddress) {
        policy.require(actor, Permission.SETTINGS_MANAGE, id);
        stepUp.require(actor.userId());
        OrganizationSettings valid = SettingsRules.validate(settings);
        if (id.equals(actor.orgId()) && !AllowList.of(valid.ipAllowList()).allows(clientAddress)) {
            throw new InvalidInputException("ipAllowList", "problem.settings.lockout", "your own address, " + clientAddress
                    + ", is not in the list: saving it would lock you out; add it or a network that contains it", clientAddress);
        }
        OrganizationSettings before = settingsOf(id);
        store.saveSettings(id, valid);
        if (!valid.equals(before)) {
            events.publishEvent(new OrganizationSettingsChanged(id, actor.userId(), before, valid, clock.instant()));
        }
        if (!before.timeZone().equals(valid.timeZone())) {
            events.publishEvent(new OrganizationTimeZoneChanged(id, before.timeZone(), valid.timeZone(), actor.userId(), clock.instant()));
        }
        return valid;
    }

    /**
     * The time zone whose days, weeks and months the organization's reports count in, for modules
     * that act without a person asking (reporting rolling up usage); UTC when none is set.
     */
    public ZoneId timeZone(OrgId id) {
        return ZoneId.of(store.timeZone(id));
    }

    /**
     * The language of the organization's pages and e-mails for people who chose none (and whose
     * browser asks for none OpenCPS speaks); English when none is set.
     */
    public Locale defaultLanguage(OrgId id) {
        return Locale.forLanguageTag(store.defaultLanguage(id));
    }

    /** How people may log in at the organization's printers, for the devices module. */
    public Set<DeviceLoginMethod> deviceLoginMethods(OrgId id) {
        return settingsOf(id).deviceLoginMethods();
    }

    /** The idle logout time of an organization, for sessions at every client. */
    public Duration idleTimeout(OrgId id) {
        return settingsOf(id).idleTimeout();
    }

    /** How many devices a customer's license allows, for the devices module; 0 without a license. */
    public int deviceLimit(OrgId id) {
        return store.license(id).map(License::deviceLimit).orElse(0);
    }

    /** A customer's license, for the contract reports (which ask the access policy themselves); empty for a provider. */
    public Optional<License> licenseOf(OrgId id) {
        return store.license(id);
    }

    /** How long an organization keeps unreleased print jobs, for the printing module. */
    public Duration jobRetention(OrgId id) {
        return Duration.ofHours(settingsOf(id).jobRetentionHours());
    }

    /** Makes the organization read-only and unusable; it is purged when the retention period ends. */
    @Transactional
    public Organization discontinue(Actor actor, OrgId id) {
        requireManagedChild(actor, id);
        Organization org = lock(id);
        if (!org.active()) {
            throw new ConflictException("status", "problem.organization.alreadyDiscontinued", "the organization is already discontinued");
        }
        requireNothingBelow(org, "discontinued", "problem.organization.discontinueWithChildren");
        Instant now = clock.instant();
        store.setStatus(id, Organization.Status.DISCONTINUED, now);
        events.publishEvent(new OrganizationDiscontinued(id, org.parentId(), actor.userId(), now,
                now.plus(offboarding.retention())));
        return store.find(id).orElseThrow();
    }

    @Transactional
    public Organization reactivate(Actor actor, OrgId id) {
        requireManagedChild(actor, id);
        Organization org = lock(id);
        if (org.active()) {
            throw new ConflictException("status", "problem.organization.notDiscontinued", "the organization is not discontinued");
        }
        if (!clock.instant().isBefore(org.discontinuedAt().plus(offboarding.retention()))) {
            throw new ConflictException("status", "problem.organization.purging", "the retention period has ended; the organization is being purged");
        }
        store.setStatus(id, Organization.Status.ACTIVE, null);
        events.publishEvent(new OrganizationReactivated(id, org.parentId(), actor.userId(), clock.instant()));
        return store.find(id).orElseThrow();
    }

    /** Deletes the organization and all its data for good, now; {@code confirmName} must repeat its name. */
    @Transactional
    public void purgeNow(Actor actor, OrgId id, String confirmName) {
        requireManagedChild(actor, id);
        stepUp.require(actor.userId());
        Organization org = lock(id);
        if (confirmName == null || !confirmName.strip().equals(org.name())) {
            throw new InvalidInputException("confirmName", "problem.organization.confirmName",
                    "repeat the organization's name exactly to confirm that it is deleted for good");
        }
        requireNothingBelow(org, "purged", "problem.organization.purgeWithChildren");
        purger.purge(org, actor.userId(), OrganizationPurged.Reason.REQUESTED);
    }

    /**
     * Spans organizations: every customer anywhere below a provider, for reporting's license report
     * only, which decides access first and shows the deeper ones only as sums. Nothing else may use it.
     */
    public CustomersBelow customersBelow(OrgId providerId) {
        return subtreeCustomers.below(store.find(providerId).orElseThrow(() -> new NotFoundException("organization")));
    }

    /** The whole tree, for the root provider only. */
    public OrganizationTree tree(Actor actor, OrgId rootId) {
        policy.require(actor, Permission.LICENSE_REPORTS_VIEW, rootId);
        return treeView.tree(requireRoot(rootId, "sees the whole tree", "problem.organization.treeRootOnly"));
    }

    /** The links the root provider published for a region; public, for anyone (no login). */
    public RegionLinks publishedRegionLinks(String region) {
        RegionLinkRules.region(region);
        return store.root().flatMap(root -> regionLinks.find(root.id(), region))
                .orElseThrow(() -> new NotFoundException("region"));
    }

    @Transactional
    public RegionLinks setRegionLinks(Actor actor, OrgId rootId, RegionLinks links) {
        policy.require(actor, Permission.REGION_LINKS_MANAGE, rootId);
        requireRoot(rootId, "manages the region links", "problem.organization.regionLinksRootOnly");
        RegionLinks valid = RegionLinkRules.validate(links);
        RegionLinks before = regionLinks.find(rootId, valid.region()).orElse(null);
        regionLinks.save(rootId, valid);
        events.publishEvent(new RegionLinksChanged(rootId, before, valid, actor.userId(), clock.instant()));
        return links;
    }

    OrganizationSettings settingsOf(OrgId id) {
        return store.settings(id).orElseGet(OrganizationSettings::defaults);
    }

    /** An organization the actor's own organization created: only its creator manages it. */
    Organization requireManagedChild(Actor actor, OrgId id) {
        policy.requireManageOrganization(actor, id);
        return store.find(id).orElseThrow(() -> new NotFoundException("organization"));
    }

    private Organization lock(OrgId id) {
        return store.findForUpdate(id).orElseThrow(() -> new NotFoundException("organization"));
    }

    private Organization requireRoot(OrgId id, String what, String key) {
        Organization org = store.find(id).orElseThrow(() -> new NotFoundException("organization"));
        if (org.kind() != OrgKind.ROOT_PROVIDER) {
            throw new ForbiddenException(key, "only the root provider " + what);
        }
        return org;
    }

    private static Organization requireActive(Organization org) {
        if (!org.active()) {
            throw new ConflictException("status", "problem.organization.readOnly", "the organization is discontinued and read-only; reactivate it first");
        }
        return org;
    }

    private void requireNothingBelow(Organization org, String what, String key) {
        if (store.hasChildren(org.id())) {
            throw new ConflictException("organizations", key, "a provider with organizations below it cannot be " + what
                    + "; purge the organizations below it first");
        }
    }

    private void requireFreeName(OrgId parentId, String name) {
        if (store.siblingNameTaken(parentId, name)) {
            throw OrganizationNames.taken(name);
        }
    }
}
