package org.opencps.tenancy;

import java.util.List;
import org.opencps.platform.ids.OrgId;

/**
 * What a provider's license report needs of the tree: the organizations directly below the
 * provider, which it created and sees by name, and every customer anywhere below it with the
 * organization directly below the provider that it sits under and its license's device limit
 * (0 without a license). Deeper customers carry no name; the report shows them only as sums.
 */
public record CustomersBelow(OrgId providerId, List<Organization> directlyBelow, List<Customer> customers) {

    public CustomersBelow {
        directlyBelow = List.copyOf(directlyBelow);
        customers = List.copyOf(customers);
    }

    /** A customer below the provider; {@code under} is the organization directly below the provider it sits under. */
    public record Customer(OrgId id, OrgId under, long deviceLimit) {
    }
}
