/**
 * Devices: printers and edge agents registered to a customer organization with a one-time
 * activation code, their credentials, heartbeats and security posture against the organization's
 * baseline, and people logging in at them. Admins use {@link org.opencps.devices.Devices} and
 * {@link org.opencps.devices.ActivationCodes}; the Device API (under {@code /api/device/v1},
 * authenticated by the device credential) uses {@link org.opencps.devices.DeviceRegistrations},
 * {@link org.opencps.devices.DeviceHeartbeats} and {@link org.opencps.devices.DeviceLogins}.
 * An entry point: nothing calls it but reporting, for the active printers its license report counts.
 */
@ApplicationModule(allowedDependencies = {"access", "tenancy", "identity", "printing", "platform :: *"})
package org.opencps.devices;

import org.springframework.modulith.ApplicationModule;
