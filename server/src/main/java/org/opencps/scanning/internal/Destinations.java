package org.opencps.scanning.internal;

import java.util.Locale;
import org.opencps.devices.DeviceSession;
import org.opencps.scanning.DestinationKind;
import org.opencps.scanning.ScanRefusal;
import org.opencps.scanning.ScanRefusal.Reason;
import org.opencps.scanning.ScanRequest;
import org.opencps.scanning.ScanSettings;
import org.opencps.scanning.cloud.BoxDirect;
import org.opencps.scanning.cloud.CloudStorage;
import org.opencps.scanning.internal.persistence.AddressStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Resolves the destination a device names into one the person may use, or refuses it: an unknown
 * kind or address-book entry, a kind the organization does not allow, an address typed where the
 * organization forbids it, a workflow not shared with the person, a cloud service this deployment
 * has not configured or the person has not linked.
 */
@Component
class Destinations {

    private final AddressStore addresses;
    private final Workflows workflows;
    private final ObjectProvider<CloudStorage> cloud;
    private final ObjectProvider<BoxDirect> boxDirect;

    Destinations(AddressStore addresses, Workflows workflows, ObjectProvider<CloudStorage> cloud, ObjectProvider<BoxDirect> boxDirect) {
        this.addresses = addresses;
        this.workflows = workflows;
        this.cloud = cloud;
        this.boxDirect = boxDirect;
    }

    Destination resolve(DeviceSession session, ScanRequest request, ScanSettings settings) {
        String to = request.to() == null ? "" : request.to().strip().toLowerCase(Locale.ROOT);
        Destination destination = switch (to) {
            case "me", "my_scans" -> Destination.of(DestinationKind.MY_SCANS, null);
            case "email", "email_me" -> Destination.of(DestinationKind.EMAIL_ME, null);
            case "address", "address_book" -> address(session, request, settings);
            case "drive", "onedrive", "sharepoint", "box" -> Destination.of(DestinationKind.valueOf(to.toUpperCase(Locale.ROOT)), null);
            case "workflow" -> workflows.forDevice(session, request.workflow());
            default -> throw new ScanRefusal(Reason.UNKNOWN_DESTINATION,
                    "unknown destination '" + request.to() + "': use me, email, address, drive, onedrive, sharepoint, box or workflow");
        };
        if (!settings.allows(destination.kind())) {
            throw new ScanRefusal(Reason.DESTINATION_NOT_ALLOWED, "your organization does not allow scanning to "
                    + destination.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        destination.kind().cloud().ifPresent(service -> {
            if (service == org.opencps.scanning.cloud.CloudService.BOX && settings.boxDirect()) {
                if (boxDirect.getIfAvailable() == null) {
                    throw new ScanRefusal(Reason.DESTINATION_NOT_CONFIGURED, "Box direct is not configured on this server");
                }
            }
            CloudStorage storage = cloud.getIfAvailable();
            if (storage == null) {
                throw new ScanRefusal(Reason.DESTINATION_NOT_CONFIGURED, service.name().toLowerCase(Locale.ROOT)
                        + " is not configured on this server");
            }
            if (!storage.linked(session.orgId(), session.userId(), service)) {
                throw new ScanRefusal(Reason.ACCOUNT_NOT_LINKED, "link your " + service.name().toLowerCase(Locale.ROOT)
                        + " account in the portal first");
            }
        });
        return destination;
    }

    private Destination address(DeviceSession session, ScanRequest request, ScanSettings settings) {
        if (request.address() != null && !request.address().isBlank()) {
            return addresses.byName(session.orgId(), request.address().strip())
                    .map(entry -> Destination.of(DestinationKind.ADDRESS_BOOK, entry.email()))
                    .orElseThrow(() -> new ScanRefusal(Reason.UNKNOWN_DESTINATION,
                            "the address book has no entry named '" + request.address().strip() + "'"));
        }
        if (request.email() != null && !request.email().isBlank()) {
            if (!settings.directEmailAllowed()) {
                throw new ScanRefusal(Reason.DESTINATION_NOT_ALLOWED,
                        "your organization allows only address-book entries, not addresses typed at the device");
            }
            try {
                return Destination.of(DestinationKind.ADDRESS_BOOK, EmailAddresses.valid("email", request.email()));
            } catch (org.opencps.platform.errors.InvalidInputException e) {
                throw new ScanRefusal(Reason.UNKNOWN_DESTINATION, e.getMessage());
            }
        }
        throw new ScanRefusal(Reason.UNKNOWN_DESTINATION, "name an address-book entry (address) or an e-mail address (email)");
    }
}
