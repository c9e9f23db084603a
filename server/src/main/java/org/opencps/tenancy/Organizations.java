package org.opencps.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.ForbiddenException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.internal.persistence.OrganizationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization tree: the root provider, providers at any depth, customers as leaves. */
@Service
public class Organizations {

    static final int MAX_NAME_LENGTH = 200;

    private final AccessPolicy policy;
    private final OrganizationStore store;
    private final Clock clock;

    Organizations(AccessPolicy policy, OrganizationStore store, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.clock = clock;
    }

    /** Creates the root provider on first start; refused once a root exists. */
    @Transactional
    public Organization bootstrapRoot(String name) {
        if (store.root().isPresent()) {
            throw new ConflictException("organizationName", "the root provider already exists");
        }
        var root = new Organization(OrgId.random(), null, OrgKind.ROOT_PROVIDER, validName(name), Organization.Status.ACTIVE,
                clock.instant(), null);
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

    @Transactional
    public Organization create(Actor actor, OrgId parentId, NewOrganization request) {
        policy.require(actor, Permission.ORGANIZATIONS_MANAGE, parentId);
        Organization parent = store.find(parentId).orElseThrow(() -> new NotFoundException("organization"));
        if (!parent.kind().isProvider()) {
            throw new ForbiddenException("only a provider can have organizations below it");
        }
        if (request.kind() == null || request.kind() == OrgKind.ROOT_PROVIDER) {
            throw new InvalidInputException("kind", "kind must be PROVIDER or CUSTOMER");
        }
        String name = validName(request.name());
        if (store.siblingNameTaken(parentId, name)) {
            throw new ConflictException("name", "an organization named '" + name + "' already exists here");
        }
        if (request.kind() == OrgKind.CUSTOMER && request.license() == null) {
            throw new InvalidInputException("license", "a customer organization needs a license");
        }
        var org = new Organization(OrgId.random(), parentId, request.kind(), name, Organization.Status.ACTIVE,
                clock.instant(), null);
        store.insert(org, store.path(parentId).orElseThrow());
        store.saveSettings(org.id(), OrganizationSettings.defaults());
        if (request.license() != null) {
            store.saveLicense(org.id(), Licenses.validate(request.license()));
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
        Organization org = requireManagedChild(actor, id);
        String name = validName(newName);
        if (!name.equalsIgnoreCase(org.name()) && store.siblingNameTaken(org.parentId(), name)) {
            throw new ConflictException("name", "an organization named '" + name + "' already exists here");
        }
        store.rename(id, name);
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
        Organization org = requireManagedChild(actor, id);
        if (org.kind() != OrgKind.CUSTOMER) {
            throw new InvalidInputException("license", "only customer organizations have a license");
        }
        store.saveLicense(id, Licenses.validate(license));
        return license;
    }

    public OrganizationSettings settings(Actor actor, OrgId id) {
        policy.require(actor, Permission.SETTINGS_VIEW, id);
        return settingsOf(id);
    }

    @Transactional
    public OrganizationSettings updateSettings(Actor actor, OrgId id, OrganizationSettings settings) {
        policy.require(actor, Permission.SETTINGS_MANAGE, id);
        store.saveSettings(id, SettingsRules.validate(settings));
        return settings;
    }

    /** The idle logout time of an organization, for sessions at every client. */
    public Duration idleTimeout(OrgId id) {
        return settingsOf(id).idleTimeout();
    }

    OrganizationSettings settingsOf(OrgId id) {
        return store.settings(id).orElseGet(OrganizationSettings::defaults);
    }

    /** An organization the actor's own organization created: only its creator manages it. */
    Organization requireManagedChild(Actor actor, OrgId id) {
        Organization org = store.find(id).orElseThrow(() -> new NotFoundException("organization"));
        if (org.parentId() == null || !policy.knows(actor, id)) {
            throw new NotFoundException("organization");
        }
        policy.require(actor, Permission.ORGANIZATIONS_MANAGE, org.parentId());
        return org;
    }

    private static String validName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "an organization name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "an organization name may not contain control characters");
        }
        return trimmed;
    }
}
