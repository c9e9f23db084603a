package org.opencps.portal.internal.sso;

import java.util.Arrays;
import java.util.List;
import org.opencps.identity.OidcPreset;
import org.opencps.identity.OidcProviderSettings;
import org.opencps.identity.SamlProviderSettings;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.SamlSpKeys;
import org.opencps.identity.SecondFactorPolicies;
import org.opencps.identity.SignInPolicy;
import org.opencps.identity.SingleSignOn;
import org.opencps.platform.ids.OrgId;
import org.opencps.platform.security.Actor;
import org.opencps.portal.internal.web.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A customer organization's single sign-on, for its customer admins: the sign-in policy, the OpenID Connect
 * provider, and the SAML provider with what the admin enters at the IdP (SP entity id, ACS URL, certificate,
 * metadata URL) and the organization's sign-in link, and the rotation of OpenCPS's SAML key pair (start: the new pair
 * published beside the old one; retire the old pair). identity decides who may (the faces check access first, and
 * ask for a recent second factor where needed: the step-up page comes first then) and audits the changes.
 */
@Controller
class SingleSignOnPage {

    private final SingleSignOn sso;
    private final SamlProviders saml;
    private final SamlSpKeys samlKeys;
    private final SecondFactorPolicies secondFactorPolicies;

    SingleSignOnPage(SingleSignOn sso, SamlProviders saml, SamlSpKeys samlKeys, SecondFactorPolicies secondFactorPolicies) {
        this.samlKeys = samlKeys;
        this.secondFactorPolicies = secondFactorPolicies;
        this.sso = sso;
        this.saml = saml;
    }

    @GetMapping("/orgs/{orgId}/sso")
    String page(Actor actor, @PathVariable OrgId orgId, Model model) {
        model.addAttribute("policy", sso.signInPolicy(actor, orgId));
        model.addAttribute("secondFactorPolicy", secondFactorPolicies.policy(actor, orgId));
        model.addAttribute("oidc", sso.oidcProvider(actor, orgId).orElse(null));
        model.addAttribute("saml", saml.samlProvider(actor, orgId).orElse(null));
        model.addAttribute("presets", OidcPreset.values());
        model.addAttribute("orgId", orgId);
        return "sso/sso";
    }

    @PostMapping("/orgs/{orgId}/sso/policy")
    String policy(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "false") boolean ssoOnly,
                  @RequestParam(defaultValue = "") String tokenDaysAfterSso, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.policySaved", () -> sso.setSignInPolicy(actor, orgId,
                new SignInPolicy(ssoOnly, days(tokenDaysAfterSso))));
    }

    @PostMapping("/orgs/{orgId}/sso/oidc")
    String oidc(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "GENERIC") OidcPreset preset,
                @RequestParam(defaultValue = "") String issuer, @RequestParam(defaultValue = "") String clientId,
                @RequestParam(defaultValue = "") String clientSecret, @RequestParam(defaultValue = "") String extraScopes,
                @RequestParam(defaultValue = "") String emailClaim, @RequestParam(defaultValue = "") String nameClaim,
                @RequestParam(defaultValue = "") String groupsClaim, @RequestParam(defaultValue = "") String tenant,
                @RequestParam(defaultValue = "") String emailDomains, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.saved", () -> sso.saveOidcProvider(actor, orgId, new OidcProviderSettings(
                preset, Forms.blankToNull(issuer), clientId.strip(), Forms.blankToNull(clientSecret), words(extraScopes),
                Forms.blankToNull(emailClaim), Forms.blankToNull(nameClaim), Forms.blankToNull(groupsClaim),
                Forms.blankToNull(tenant), words(emailDomains))));
    }

    @PostMapping("/orgs/{orgId}/sso/oidc/delete")
    String removeOidc(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.removed", () -> {
            if (sso.oidcProvider(actor, orgId).isPresent()) {
                sso.removeOidcProvider(actor, orgId);
            }
        });
    }

    @PostMapping("/orgs/{orgId}/sso/saml")
    String saml(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String idpMetadataUrl,
                @RequestParam(defaultValue = "") String idpMetadataXml,
                @RequestParam(defaultValue = "false") boolean wantAssertionsSigned,
                @RequestParam(defaultValue = "false") boolean wantResponseSigned,
                @RequestParam(defaultValue = "false") boolean wantAssertionsEncrypted,
                @RequestParam(defaultValue = "") String emailAttribute, @RequestParam(defaultValue = "") String nameAttribute,
                @RequestParam(defaultValue = "") String groupsAttribute, @RequestParam(defaultValue = "") String emailDomains,
                RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.saved", () -> saml.saveSamlProvider(actor, orgId, new SamlProviderSettings(
                Forms.blankToNull(idpMetadataXml), Forms.blankToNull(idpMetadataUrl), wantAssertionsSigned, wantResponseSigned,
                wantAssertionsEncrypted, emailAttribute, nameAttribute, groupsAttribute, words(emailDomains))));
    }

    @PostMapping("/orgs/{orgId}/sso/saml/delete")
    String removeSaml(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.removed", () -> {
            if (saml.samlProvider(actor, orgId).isPresent()) {
                saml.removeSamlProvider(actor, orgId);
            }
        });
    }

    @PostMapping("/orgs/{orgId}/sso/saml/key-rotation")
    String rotateSamlKey(Actor actor, @PathVariable OrgId orgId, @RequestParam(defaultValue = "") String transitionDays,
                         RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.keyRotation.started", () -> samlKeys.rotate(actor, orgId, days(transitionDays)));
    }

    @PostMapping("/orgs/{orgId}/sso/saml/key-rotation/retire-old-key")
    String retireOldSamlKey(Actor actor, @PathVariable OrgId orgId, RedirectAttributes flash) {
        return Forms.change(flash, back(orgId), "sso.keyRotation.retired", () -> samlKeys.retireOldKey(actor, orgId));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\s,]+")).filter(word -> !word.isBlank()).toList();
    }

    /** A number of days from a form field: null when empty, -1 (which the faces refuse) when not a number. */
    private static Integer days(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String back(OrgId orgId) {
        return "/orgs/" + orgId + "/sso";
    }
}
