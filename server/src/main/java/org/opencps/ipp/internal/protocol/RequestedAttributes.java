package org.opencps.ipp.internal.protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a Get-Printer-Attributes request asks for (RFC 8011 §4.2.5.1): attribute names, and the
 * group names "all", "printer-description" and "job-template". Without requested-attributes a
 * printer answers as for "all". A name the printer does not know is simply not answered. Some
 * attributes are only sent when asked for by their own name: media-col-database (PWG 5100.7; it
 * runs to hundreds of collections, and IPP Everywhere clients ask for it by name when they want it).
 */
public final class RequestedAttributes {

    public static final String MEDIA_COL_DATABASE = "media-col-database";
    private static final Set<String> ONLY_BY_NAME = Set.of(MEDIA_COL_DATABASE);

    /** The two groups a printer attribute belongs to. */
    public enum Group { PRINTER_DESCRIPTION, JOB_TEMPLATE }

    private final Set<String> names;

    private RequestedAttributes(Set<String> names) {
        this.names = names;
    }

    /** The values of requested-attributes, empty when the request had none. */
    public static RequestedAttributes of(List<String> requested) {
        return new RequestedAttributes(requested.isEmpty() ? Set.of("all") : new HashSet<>(requested));
    }

    public boolean wants(String name, Group group) {
        if (names.contains(name)) {
            return true;
        }
        if (ONLY_BY_NAME.contains(name)) {
            return false;
        }
        return names.contains("all") || names.contains(switch (group) {
            case PRINTER_DESCRIPTION -> "printer-description";
            case JOB_TEMPLATE -> "job-template";
        });
    }
}
