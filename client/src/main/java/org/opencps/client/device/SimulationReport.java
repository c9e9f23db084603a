package org.opencps.client.device;

import java.util.ArrayList;
import java.util.List;
import org.opencps.client.device.DeviceMessages.HeartbeatAnswer;
import org.opencps.client.device.DeviceMessages.HeldJob;
import org.opencps.client.device.DeviceMessages.Outcome;
import org.opencps.client.device.DeviceMessages.Refusal;
import org.opencps.client.device.DeviceMessages.Release;

/** What one {@code opencps device simulate} run did, as {@code --json} writes it. */
public final class SimulationReport {

    /** One released job: the outcome and whether the server took the report. */
    public record Printed(String jobId, String name, Outcome outcome, boolean reported, String reportError) {
    }

    /** One scanned file: the scan's id and its last delivery state, or why the upload was refused (id null). */
    public record Scanned(String file, String scanId, String fileName, int pages, String state, String error) {
    }

    public String deviceId;
    public boolean registeredNow;
    public boolean credentialRotated;
    public HeartbeatAnswer heartbeat;
    public String person;
    public String loginError;
    public List<HeldJob> heldJobs;
    public final List<Release> released = new ArrayList<>();
    public final List<Refusal> refused = new ArrayList<>();
    public final List<Printed> printed = new ArrayList<>();
    public final List<Scanned> scans = new ArrayList<>();
    public Boolean loggedOut;

    /** Everything asked for happened: no login error, no refusal, every job printed and reported, every scan delivered. */
    public boolean allSucceeded() {
        return loginError == null && refused.isEmpty()
                && printed.stream().allMatch(p -> p.outcome().success() && p.reported())
                && scans.stream().allMatch(s -> "DELIVERED".equals(s.state()));
    }
}
