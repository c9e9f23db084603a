package org.opencps.scanning;

import java.util.List;
import java.util.Set;

/**
 * What a person at a device may scan to: the destination kinds (with the address book's entries
 * by name), the workflows shared with them (their favourites first), whether an address may be
 * typed, and the largest scan accepted.
 */
public record ScanChoices(List<Choice> destinations, List<WorkflowChoice> workflows, boolean directEmailAllowed,
                          long maxScanBytes, Set<ScanFormat> formats) {

    /** {@code to} is what the upload names; {@code address} the address-book entry for {@code to=address}. */
    public record Choice(String to, DestinationKind kind, String address) {
    }

    public record WorkflowChoice(String name, DestinationKind kind, boolean favourite, ScanOptions options) {
    }
}
