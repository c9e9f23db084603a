package org.opencps.tenancy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opencps.platform.errors.InvalidInputException;

/** What a region code and its published links must look like. */
final class RegionLinkRules {

    static final int MAX_URL_LENGTH = 1000;
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]{2,40}");

    private RegionLinkRules() {
    }

    static String region(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new InvalidInputException("region", "problem.region.code", "a region is a code of 2 to 40 characters: a-z, 0-9 and '-'");
        }
        return region;
    }

    static RegionLinks validate(RegionLinks links) {
        region(links.region());
        url("eulaUrl", links.eulaUrl());
        url("privacyUrl", links.privacyUrl());
        url("downloadsUrl", links.downloadsUrl());
        return links;
    }

    private static void url(String field, String text) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException(field, "problem.region.linkLength", "a link has at most " + MAX_URL_LENGTH + " characters", MAX_URL_LENGTH);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new InvalidInputException(field, "problem.region.linkAbsolute", "a link must be an absolute http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "problem.region.linkInvalid", "not a valid URL: " + e.getReason());
        }
    }
}
