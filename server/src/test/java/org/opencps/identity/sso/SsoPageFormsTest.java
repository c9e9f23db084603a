package org.opencps.identity.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencps.identity.sso.OidcSignInTest.unique;

import org.junit.jupiter.api.Test;
import org.opencps.identity.SamlProviders;
import org.opencps.identity.SingleSignOn;
import org.opencps.testing.MutableClock;
import org.opencps.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The SSO page shows each provider's settings in its form (the OIDC and SAML forms share their fields' fragment):
 * every field with its label, its limits and the saved value, and the remove button once a provider is saved.
 */
@SsoTest
class SsoPageFormsTest {

    @Autowired MockMvc mvc;
    @Autowired World world;
    @Autowired SingleSignOn sso;
    @Autowired SamlProviders samlProviders;
    @Autowired MutableClock clock;

    @Test
    void theOidcFormShowsTheSavedProvider() throws Exception {
        var acme = new SsoFixture(world, sso, clock).tenant(unique("page"));
        String page = pageOf(acme.admin().email(), "/orgs/" + acme.org() + "/sso");

        assertThat(page).contains(
                "<label for=\"oidc-issuer\">Issuer</label>",
                "<input id=\"oidc-issuer\" name=\"issuer\" type=\"url\" maxlength=\"500\" value=\"" + acme.provider().issuer() + "\">",
                "<input id=\"oidc-client\" name=\"clientId\" maxlength=\"255\" value=\"" + acme.provider().clientId() + "\">",
                "<input id=\"oidc-scopes\" name=\"extraScopes\" value=\"\">",
                "<label for=\"oidc-groups\">Claim with the groups</label>",
                "<input id=\"oidc-groups\" name=\"groupsClaim\" maxlength=\"100\" value=\"groups\">",
                "<input id=\"oidc-domains\" name=\"emailDomains\" required value=\"" + acme.domain() + "\">",
                "/sso/oidc/delete\"",
                "<input id=\"saml-email\" name=\"emailAttribute\" maxlength=\"255\" value=\"\">")
                .doesNotContain("/sso/saml/delete\"");
    }

    @Test
    void theSamlFormShowsTheSavedProvider() throws Exception {
        var globex = new SamlFixture(world, samlProviders, mvc, clock).tenant(unique("page"));
        String page = pageOf(globex.admin().email(), "/orgs/" + globex.org() + "/sso");

        assertThat(page).contains(
                "<input id=\"saml-url\" name=\"idpMetadataUrl\" type=\"url\" maxlength=\"1000\" value=\""
                        + globex.provider().idpMetadataUrl() + "\">",
                "<label for=\"saml-email\">Attribute with the e-mail address (empty: the NameID)</label>",
                "<input id=\"saml-email\" name=\"emailAttribute\" maxlength=\"255\" value=\"" + SamlFixture.MAIL + "\">",
                "<input id=\"saml-name\" name=\"nameAttribute\" maxlength=\"255\" value=\"" + SamlFixture.DISPLAY_NAME + "\">",
                "<input id=\"saml-groups\" name=\"groupsAttribute\" maxlength=\"255\" value=\"" + SamlFixture.GROUPS + "\">",
                "<input id=\"saml-domains\" name=\"emailDomains\" required value=\"" + globex.domain() + "\">",
                "/sso/saml/delete\"",
                "<input id=\"oidc-domains\" name=\"emailDomains\" required value=\"\">")
                .doesNotContain("/sso/oidc/delete\"");
    }

    private String pageOf(String email, String path) throws Exception {
        var browser = new SsoBrowser(mvc);
        browser.submitLoginOnly("/login", "email=" + email + "&password=" + World.PASSWORD);
        return browser.page(path).getResponse().getContentAsString();
    }
}
