package org.opencps.devices;

import java.util.List;

/** The organization's baseline, where the device drifts from it, and how many releases wait for it. */
public record HeartbeatAnswer(SecuritySettings baseline, List<String> drift, int releasesWaiting) {
}
