package org.opencps.scanning;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opencps.access.AccessPolicy;
import org.opencps.access.Permission;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.scanning.internal.EmailAddresses;
import org.opencps.scanning.internal.ScanningProperties;
import org.opencps.scanning.internal.persistence.AddressStore;
import org.opencps.scanning.internal.persistence.ScanSettingsStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's scan settings and address book, for its admins: settings need the settings
 * permissions, the address book the scan-workflows permission (customer admins, or a custom role
 * carrying it). People read the address book only through what they may scan to.
 */
@Service
public class ScanAdministration {

    private final AccessPolicy policy;
    private final ScanSettingsStore settings;
    private final AddressStore addresses;
    private final ScanningProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScanAdministration(AccessPolicy policy, ScanSettingsStore settings, AddressStore addresses, ScanningProperties properties,
                       ApplicationEventPublisher events, Clock clock) {
        this.policy = policy;
        this.settings = settings;
        this.addresses = addresses;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public ScanSettings settings(Actor actor, OrgId org) {
        policy.require(actor, Permission.SETTINGS_VIEW, org);
        return settings.find(org);
    }

    @Transactional
    public ScanSettings updateSettings(Actor actor, OrgId org, ScanSettings changed) {
        policy.require(actor, Permission.SETTINGS_MANAGE, org);
        if (changed.retentionHours() < 1 || changed.retentionHours() > ScanSettings.MAX_RETENTION_HOURS) {
            throw new InvalidInputException("retentionHours", "problem.scan.retention", "scan retention must be between 1 and "
                    + ScanSettings.MAX_RETENTION_HOURS + " hours", ScanSettings.MAX_RETENTION_HOURS);
        }
        long ceiling = properties.maxScanSize().toBytes();
        if (changed.maxScanBytes() < ScanSettings.MIN_SCAN_BYTES || changed.maxScanBytes() > ceiling) {
            throw new InvalidInputException("maxScanBytes", "problem.scan.maxSize", "the maximum scan size must be between "
                    + ScanSettings.MIN_SCAN_BYTES + " and " + ceiling + " bytes", ScanSettings.MIN_SCAN_BYTES, ceiling);
        }
        if (changed.attachmentLimitBytes() < 0 || changed.attachmentLimitBytes() > ScanSettings.MAX_ATTACHMENT_BYTES) {
            throw new InvalidInputException("attachmentLimitBytes", "problem.scan.attachmentLimit", "the attachment limit must be between 0 and "
                    + ScanSettings.MAX_ATTACHMENT_BYTES + " bytes", ScanSettings.MAX_ATTACHMENT_BYTES);
        }
        if (changed.boxDirect() && !changed.allows(DestinationKind.BOX)) {
            throw new InvalidInputException("boxDirect", "problem.scan.boxDirect", "Box direct needs Box among the allowed destinations");
        }
        ScanSettings before = settings.find(org);
        if (!changed.equals(before)) {
            settings.save(org, changed, clock.instant());
            events.publishEvent(new ScanSettingsChanged(org, actor.userId(), before, changed, clock.instant()));
        }
        return changed;
    }

    /** The largest maximum scan size an organization may set: the deployment's ceiling. */
    public long largestMaxScanBytes() {
        return properties.maxScanSize().toBytes();
    }

    public List<AddressBookEntry> addressBook(Actor actor, OrgId org) {
        policy.require(actor, Permission.SCAN_WORKFLOWS_MANAGE, org);
        return addresses.list(org);
    }

    @Transactional
    public AddressBookEntry addAddress(Actor actor, OrgId org, String name, String email) {
        policy.require(actor, Permission.SCAN_WORKFLOWS_MANAGE, org);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100 || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "problem.addressBook.name", "give the entry a name of 1 to 100 characters");
        }
        String cleanEmail = EmailAddresses.valid("email", email);
        var entry = new AddressBookEntry(org, UUID.randomUUID(), cleanName, cleanEmail, clock.instant());
        if (!addresses.insert(entry)) {
            throw new ConflictException("name", "problem.addressBook.exists", "the address book already has an entry named " + cleanName, cleanName);
        }
        events.publishEvent(new ScanAddressBookChanged(org, actor.userId(), entry.id(), cleanName, true, clock.instant()));
        return entry;
    }

    @Transactional
    public void removeAddress(Actor actor, OrgId org, UUID id) {
        policy.require(actor, Permission.SCAN_WORKFLOWS_MANAGE, org);
        AddressBookEntry entry = addresses.list(org).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("address"));
        if (!addresses.delete(org, id)) {
            throw new NotFoundException("address");
        }
        events.publishEvent(new ScanAddressBookChanged(org, actor.userId(), id, entry.name(), false, clock.instant()));
    }
}
