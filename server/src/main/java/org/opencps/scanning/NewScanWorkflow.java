package org.opencps.scanning;

import java.util.Set;
import java.util.UUID;

/** What an admin gives for a workflow; {@code password} (for encrypted PDFs) is sealed at once and never returned. */
public record NewScanWorkflow(String name, DestinationKind kind, String address, ScanOptions options, String password,
                              boolean everyone, Set<UUID> groups) {

    @Override
    public String toString() {
        return "NewScanWorkflow[name=" + name + ", kind=" + kind + ", password=" + (password == null ? "none" : "given") + "]";
    }
}
