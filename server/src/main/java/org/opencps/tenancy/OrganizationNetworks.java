package org.opencps.tenancy;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.AddressNotAllowedException;
import org.opencps.platform.security.Channel;
import org.opencps.platform.security.ClientAddressRule;
import org.opencps.tenancy.internal.network.AllowList;
import org.opencps.tenancy.internal.persistence.OrganizationStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The IP allow-list rule: an organization with a list accepts its people (portal and API, by
 * session or API token), its print queues and its devices only from addresses in it. The entry
 * points ask it on each request, with the address the server sees; every refusal is audited.
 * The list is read from the database each time, so a change applies at once on every process.
 */
@Service
public class OrganizationNetworks implements ClientAddressRule {

    private final OrganizationStore store;
    private final ApplicationEventPublisher events;

    OrganizationNetworks(OrganizationStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public void requireAllowed(OrgId org, String clientAddress, Channel channel, UserId user) {
        if (!allows(org, clientAddress)) {
            events.publishEvent(new OrganizationAccessRefused(org, channel, user, clientAddress));
            throw new AddressNotAllowedException("this organization accepts requests only from its own networks, and "
                    + clientAddress + " is not one of them");
        }
    }

    /** Whether {@code org} accepts {@code clientAddress}, without auditing anything. */
    public boolean allows(OrgId org, String clientAddress) {
        return AllowList.of(store.ipAllowList(org)).allows(clientAddress);
    }
}
