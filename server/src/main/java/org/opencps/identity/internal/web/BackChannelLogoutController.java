package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.opencps.identity.SsoSignIns;
import org.opencps.platform.errors.InvalidInputException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where an organization's OpenID Connect provider tells OpenCPS that a person logged out (back-channel logout URI):
 * the provider calls it server to server, authenticated by the signed logout token alone.
 */
@Tag(name = "Single sign-on", description = "OpenID Connect back-channel logout")
@RestController
class BackChannelLogoutController {

    private final SsoSignIns signIns;

    BackChannelLogoutController(SsoSignIns signIns) {
        this.signIns = signIns;
    }

    @PostMapping("/api/v1/public/sso/oidc/{providerId}/backchannel-logout")
    ResponseEntity<Void> logout(@PathVariable UUID providerId, @RequestParam(name = "logout_token", required = false) String logoutToken) {
        try {
            signIns.backChannelLogout(providerId, logoutToken);
        } catch (InvalidInputException e) {
            // §2.8: a logout request that fails validation gets 400
            return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }
}
