package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.opencps.identity.SamlProvider;
import org.opencps.identity.SamlProviderSettings;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.SamlSignIns;
import org.opencps.identity.SamlSpKeys;
import org.opencps.platform.errors.NotFoundException;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Single sign-on", description = "A customer organization's SAML 2.0 identity provider (its customer admins only), "
        + "and OpenCPS's SP metadata for it (public: the IdP reads it)")
@RestController
class SamlProviderController {

    private static final MediaType SAML_METADATA = MediaType.parseMediaType("application/samlmetadata+xml");

    private final SamlProviders providers;
    private final SamlSignIns signIns;
    private final SamlSpKeys spKeys;

    SamlProviderController(SamlProviders providers, SamlSignIns signIns, SamlSpKeys spKeys) {
        this.providers = providers;
        this.signIns = signIns;
        this.spKeys = spKeys;
    }

    record KeyRotation(Integer transitionDays) {
    }

    @GetMapping("/api/v1/organizations/{orgId}/sso/saml")
    SamlProvider provider(Actor actor, @PathVariable OrgId orgId) {
        return providers.samlProvider(actor, orgId).orElseThrow(() -> new NotFoundException("saml provider"));
    }

    /** Creates or replaces the provider from the IdP's metadata (XML or URL); OpenCPS's key pair is made once and kept. */
    @PutMapping("/api/v1/organizations/{orgId}/sso/saml")
    SamlProvider save(Actor actor, @PathVariable OrgId orgId, @RequestBody SamlProviderSettings body) {
        return providers.saveSamlProvider(actor, orgId, body);
    }

    @DeleteMapping("/api/v1/organizations/{orgId}/sso/saml")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor actor, @PathVariable OrgId orgId) {
        providers.removeSamlProvider(actor, orgId);
    }

    /** Starts an SP key rotation: a new key pair published next to the old one, which retires after the transition. */
    @PostMapping("/api/v1/organizations/{orgId}/sso/saml/key-rotation")
    SamlProvider rotateKey(Actor actor, @PathVariable OrgId orgId, @RequestBody(required = false) KeyRotation body) {
        return spKeys.rotate(actor, orgId, body == null ? null : body.transitionDays());
    }

    /** Ends the rotation's transition now: the old key pair is gone, the new one signs and decrypts alone. */
    @PostMapping("/api/v1/organizations/{orgId}/sso/saml/key-rotation/retire-old-key")
    SamlProvider retireOldKey(Actor actor, @PathVariable OrgId orgId) {
        return spKeys.retireOldKey(actor, orgId);
    }

    /** OpenCPS's SP metadata (entity id, ACS, single logout, certificate): public, as IdPs fetch it by URL. */
    @GetMapping("/api/v1/public/sso/saml/{providerId}/metadata")
    ResponseEntity<String> metadata(@PathVariable UUID providerId) {
        return ResponseEntity.ok().contentType(SAML_METADATA).cacheControl(CacheControl.noCache()).body(signIns.spMetadata(providerId));
    }
}
