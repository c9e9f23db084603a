package org.opencps.identity.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opencps.identity.SecondFactorResets;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Members", description = "People of an organization")
@RestController
class MemberSecondFactorController {

    private final SecondFactorResets resets;

    MemberSecondFactorController(SecondFactorResets resets) {
        this.resets = resets;
    }

    @Operation(summary = "Reset a member's second factor (their authenticator app and recovery codes); the member is e-mailed")
    @DeleteMapping("/api/v1/organizations/{orgId}/members/{userId}/second-factor")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId) {
        resets.reset(actor, orgId, userId);
    }
}
