package org.opencps.tenancy.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.tenancy.Organizations;
import org.opencps.tenancy.RegionLinks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Region links", description = "The EULA, privacy statement and client download links of a region")
class RegionLinksController {

    private final Organizations organizations;

    RegionLinksController(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Absolute http(s) URLs of at most 1000 characters; a link left out (null) is not published. */
    record RegionLinksBody(String eulaUrl, String privacyUrl, String downloadsUrl) {
    }

    record RegionLinksResponse(String region, String eulaUrl, String privacyUrl, String downloadsUrl) {

        static RegionLinksResponse of(RegionLinks links) {
            return new RegionLinksResponse(links.region(), links.eulaUrl(), links.privacyUrl(), links.downloadsUrl());
        }
    }

    @GetMapping("/api/v1/public/regions/{region}/links")
    @Operation(summary = "The published links of a region (no login needed)")
    RegionLinksResponse published(@PathVariable String region) {
        return RegionLinksResponse.of(organizations.publishedRegionLinks(region));
    }

    @PutMapping("/api/v1/organizations/{rootId}/regions/{region}/links")
    @Operation(summary = "Publish the links of a region (root provider, REGION_LINKS_MANAGE)")
    RegionLinksResponse update(@Parameter(hidden = true) Actor actor, @PathVariable OrgId rootId, @PathVariable String region,
                         @RequestBody RegionLinksBody body) {
        return RegionLinksResponse.of(organizations.setRegionLinks(actor, rootId,
                new RegionLinks(region, body.eulaUrl(), body.privacyUrl(), body.downloadsUrl())));
    }
}
