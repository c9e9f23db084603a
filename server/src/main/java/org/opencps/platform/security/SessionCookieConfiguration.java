package org.opencps.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over TLS (directly
 * or, with forwarded headers trusted, through a proxy), and a session cookie (no Max-Age): the
 * idle and absolute limits are enforced on the server.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfiguration {

    static final String NAME = "OPENCPS_SESSION";

    @Bean
    CookieSerializer cookieSerializer() {
        var serializer = new DefaultCookieSerializer();
        serializer.setCookieName(NAME);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        return serializer;
    }
}
