package org.opencps.platform.web;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC looks up handlers with {@link PrefixFilteringHandlerMapping}, configured by Spring Boot as its own would be. */
@Component
class HandlerMappingRegistration implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new PrefixFilteringHandlerMapping();
    }
}
