package org.opencps.portal.internal.users;

import org.opencps.identity.SecondFactorResets;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An admin resets a member's second factor from the member's page; the member is e-mailed. */
@Controller
class MemberSecondFactorReset {

    private final SecondFactorResets resets;

    MemberSecondFactorReset(SecondFactorResets resets) {
        this.resets = resets;
    }

    @PostMapping("/orgs/{orgId}/users/{userId}/second-factor-reset")
    String reset(Actor actor, @PathVariable OrgId orgId, @PathVariable UserId userId, RedirectAttributes flash) {
        return Forms.change(flash, "/orgs/" + orgId + "/users/" + userId, "secondFactor.reset.done",
                () -> resets.reset(actor, orgId, userId));
    }
}
