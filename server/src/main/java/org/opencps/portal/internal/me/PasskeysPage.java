package org.opencps.portal.internal.me;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.opencps.identity.Passkeys;
import org.opencps.identity.SecondFactorCheckRequired;
import org.opencps.platform.errors.ConflictException;
import org.opencps.platform.errors.InvalidInputException;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.opencps.portal.internal.web.JsonAnswers;
import org.opencps.portal.internal.web.ProblemTexts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My passkeys, on the second-factor page: the page's script asks for creation options, lets the browser make the
 * passkey and sends it back with its name (JSON both ways); removing one is a form. Both need a recent check of the
 * second factor when the person has one: the script is then sent to the step-up page.
 */
@Controller
class PasskeysPage {

    static final String PATH = SecondFactorSettingsPage.PATH + "/passkeys";

    private final Passkeys passkeys;
    private final MessageSource messages;

    PasskeysPage(Passkeys passkeys, MessageSource messages) {
        this.passkeys = passkeys;
        this.messages = messages;
    }

    @PostMapping(path = PATH + "/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> options(Actor actor, HttpServletRequest request) {
        try {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(passkeys.registrationOptions(request, actor.userId()));
        } catch (SecondFactorCheckRequired e) {
            return stepUpFirst(request);
        } catch (ConflictException e) {
            return JsonAnswers.refused(HttpStatus.CONFLICT, ProblemTexts.of(e, request), null);
        }
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> register(Actor actor, @RequestParam(defaultValue = "") String name,
                                                 @RequestBody String credential, HttpServletRequest request) {
        try {
            passkeys.register(request, actor.userId(), name, credential);
            return JsonAnswers.goTo(request.getContextPath() + SecondFactorSettingsPage.PATH);
        } catch (SecondFactorCheckRequired e) {
            return stepUpFirst(request);
        } catch (InvalidInputException e) {
            return JsonAnswers.refused(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTexts.of(e, request), null);
        }
    }

    @PostMapping(PATH + "/{passkeyId}/remove")
    String remove(Actor actor, @PathVariable UUID passkeyId, RedirectAttributes flash) {
        return Forms.change(flash, SecondFactorSettingsPage.PATH, "passkeys.removed", () -> passkeys.remove(actor.userId(), passkeyId));
    }

    private ResponseEntity<Map<String, String>> stepUpFirst(HttpServletRequest request) {
        return JsonAnswers.refused(HttpStatus.FORBIDDEN,
                messages.getMessage("passkeys.stepUpFirst", null, org.springframework.web.servlet.support.RequestContextUtils.getLocale(request)),
                request.getContextPath() + "/account/step-up?continue="
                        + URLEncoder.encode(SecondFactorSettingsPage.PATH, StandardCharsets.UTF_8));
    }
}
