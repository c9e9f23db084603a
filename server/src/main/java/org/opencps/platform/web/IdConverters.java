package org.opencps.platform.web;

import org.opencps.platform.ids.OrgId;
import org.opencps.platform.ids.UserId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Ids in URLs are parsed strictly; a malformed one is a 400 naming the path variable. */
@Configuration(proxyBeanMethods = false)
class IdConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, OrgId.class, OrgId::parse);
        registry.addConverter(String.class, UserId.class, UserId::parse);
    }
}
