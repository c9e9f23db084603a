package org.opencps.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Behind a proxy that ends TLS without telling the server (no forwarded headers), requests look
 * like plain HTTP; the public URL says browsers use HTTPS, so the visitor's CSRF cookie is still
 * the prefixed, Secure one, which no sibling subdomain can plant.
 */
@OpenCpsTest
@RealCsrfTokens
@TestPropertySource(properties = "opencps.public-url=https://print.example.com")
class PortalCsrfBehindProxyTest {

    @Autowired MockMvc mvc;

    @Test
    void theCookieIsPrefixedAndSecureWhenThePublicUrlIsHttps() throws Exception {
        var visitor = new PortalVisitor(mvc);
        var page = visitor.open("/login").getResponse();

        assertThat(page.getCookie(PortalCsrfTest.COOKIE)).isNull();
        Cookie prefixed = page.getCookie("__Host-" + PortalCsrfTest.COOKIE);
        assertThat(prefixed).isNotNull();
        assertThat(prefixed.getSecure()).isTrue();
        assertThat(prefixed.isHttpOnly()).isTrue();
        assertThat(visitor.submit("/cookies/consent", "back=/login").getResponse().getStatus()).isEqualTo(302);

        // a planted cookie without the prefix is not read
        visitor.forget(prefixed.getName());
        visitor.setCookie(new Cookie(PortalCsrfTest.COOKIE, prefixed.getValue()));
        assertThat(visitor.submit("/cookies/consent", "back=/login").getResponse().getStatus()).isEqualTo(403);
    }
}
