package org.opencps.printing;

/**
 * What the submitter asks for. {@code media} is a PWG self-describing media name
 * (e.g. "iso_a4_210x297mm"); null fields take the organization's defaults.
 */
public record JobTicket(String name, DocumentFormat format, int copies, Sides sides, ColorMode colorMode,
                        String media, Source source) {

    public enum Sides { ONE_SIDED, TWO_SIDED_LONG_EDGE, TWO_SIDED_SHORT_EDGE }

    public enum ColorMode { COLOR, MONOCHROME, AUTO }

    /** How the job arrived. */
    public enum Source { API, PORTAL, IPP, CLI, EMAIL }
}
