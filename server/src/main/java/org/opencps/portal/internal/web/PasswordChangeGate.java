package org.opencps.portal.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.opencps.identity.Passwords;
import org.opencps.platform.security.ActorAuthentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The forced password change: a person whose password someone else chose (the bootstrap
 * administrator) gets the change page instead of any other portal page until they have chosen
 * their own. Logging out stays possible.
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate implements WebMvcConfigurer, HandlerInterceptor {

    static final String CHANGE_PAGE = "/account/password-change";
    private static final Set<String> OPEN = Set.of(CHANGE_PAGE, "/logout", "/session/keepalive");

    private final Passwords passwords;

    PasswordChangeGate(Passwords passwords) {
        this.passwords = passwords;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("org.opencps.portal")
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof ActorAuthentication auth)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.contains(path) || !passwords.changeRequired(auth.getPrincipal().userId())) {
            return true;
        }
        String target = request.getContextPath() + CHANGE_PAGE;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
        return false;
    }
}
