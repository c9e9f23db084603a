package org.opencps.tenancy;

/** The links the root provider publishes for a region: absolute http(s) URLs; a link not set is null. */
public record RegionLinks(String region, String eulaUrl, String privacyUrl, String downloadsUrl) {
}
