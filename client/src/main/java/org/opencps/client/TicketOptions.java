package org.opencps.client;

import picocli.CommandLine.Option;

/** Copies, color and sides, as {@code opencps print} asks for them and a release may override them. */
public final class TicketOptions {

    @Option(names = "--copies", paramLabel = "N", description = "copies (1-999)")
    private Integer copies;

    @Option(names = "--color", description = "print in color")
    private boolean color;

    @Option(names = {"--monochrome", "--mono"}, description = "print in black and white")
    private boolean monochrome;

    @Option(names = "--duplex", description = "print on both sides (long edge)")
    private boolean duplex;

    @Option(names = "--simplex", description = "print on one side")
    private boolean simplex;

    /** Fails with a usage error on contradictions and out-of-range values. */
    public void validate() {
        if (color && monochrome) {
            throw CommandFailure.usage("--color and --monochrome exclude each other");
        }
        if (duplex && simplex) {
            throw CommandFailure.usage("--duplex and --simplex exclude each other");
        }
        if (copies != null && (copies < 1 || copies > 999)) {
            throw CommandFailure.usage("--copies must be between 1 and 999");
        }
    }

    public boolean anyGiven() {
        return copies != null || color || monochrome || duplex || simplex;
    }

    public Integer copies() {
        return copies;
    }

    /** COLOR, MONOCHROME, or {@code null} (not asked). */
    public String colorMode() {
        return color ? "COLOR" : monochrome ? "MONOCHROME" : null;
    }

    /** TWO_SIDED_LONG_EDGE, ONE_SIDED, or {@code null} (not asked). */
    public String sides() {
        return duplex ? "TWO_SIDED_LONG_EDGE" : simplex ? "ONE_SIDED" : null;
    }
}
