package org.opencps.devices;

import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.OrgKind;
import org.opencps.tenancy.Organization;
import org.opencps.tenancy.Organizations;

/** Devices belong to customer organizations only. */
final class DeviceOrganizations {

    private DeviceOrganizations() {
    }

    static Organization requireCustomer(Organizations organizations, OrgId org) {
        Organization organization = organizations.find(org).orElseThrow(() -> new NotFoundException("organization"));
        if (organization.kind() != OrgKind.CUSTOMER) {
            throw new InvalidInputException("organizationId", "problem.device.customersOnly",
                    "devices are registered to customer organizations, not to providers");
        }
        return organization;
    }
}
