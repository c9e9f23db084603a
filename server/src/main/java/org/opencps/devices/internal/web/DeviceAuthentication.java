package org.opencps.devices.internal.web;

import java.util.List;
import org.opencps.devices.DevicePrincipal;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** Spring Security's view of a device authenticated by its credential. */
final class DeviceAuthentication extends AbstractAuthenticationToken {

    private final DevicePrincipal device;

    DeviceAuthentication(DevicePrincipal device) {
        super(List.of());
        this.device = device;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public DevicePrincipal getPrincipal() {
        return device;
    }

    @Override
    public String getName() {
        return "device:" + device.deviceId();
    }
}
