package org.opencps.client.ipp;

import java.util.List;

/**
 * What a printer says about itself over Get-Printer-Attributes. Counters are {@code null} when the
 * printer does not report them (many, ippeveprinter among them, do not).
 */
public record PrinterStatus(String state, List<String> reasons, String message, String name, String makeAndModel,
                            String serialNumber, String uuid, Long totalPages, Long colorPages, Long monochromePages) {

    /** The reasons that are problems: without a "-report" suffix and not "none" (RFC 8011 §5.4.12). */
    public List<String> problems() {
        return reasons.stream().filter(r -> !r.equals("none") && !r.endsWith("-report")).toList();
    }

    /** Errors stop printing: "stopped", or a reason with the "-error" suffix or no suffix at all. */
    public boolean hasError() {
        return state.equals("stopped") || problems().stream().anyMatch(r -> !r.endsWith("-warning"));
    }

    public boolean hasWarning() {
        return problems().stream().anyMatch(r -> r.endsWith("-warning"));
    }
}
