package org.opencps.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.condition.NameValueExpression;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/** The handler lookup that skips routes by their literal beginning still finds every route of the application. */
@OpenCpsTest
class HandlerMappingTest {

    private static final String ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theLiteralBeginningOfAPatternEndsAtTheLastSlashBeforeItsFirstVariable() {
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("/api/v1/organizations/{orgId}/devices")).isEqualTo("/api/v1/organizations");
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("/api/v1/me/pin")).isEqualTo("/api/v1/me");
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("/assets/**")).isEqualTo("/assets");
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("/ipp/print/{queue}")).isEqualTo("/ipp/print");
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("/jobs/x{id}")).isEqualTo("/jobs");
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("/login")).isEmpty();
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("/{page}")).isEmpty();
        assertThat(PrefixFilteringHandlerMapping.literalPrefix("")).isEmpty();
    }

    @Test
    void aPathBeginsWithEachOfItsPartsUpToASlashAndWithItselfWhole() {
        Set<String> beginnings = new java.util.HashSet<>();
        PrefixFilteringHandlerMapping.addBeginnings("/api/v1/organizations/x/devices", beginnings);
        assertThat(beginnings).containsExactlyInAnyOrder("", "/api", "/api/v1", "/api/v1/organizations",
                "/api/v1/organizations/x", "/api/v1/organizations/x/devices");
        // only whole parts: a literal beginning ends before a slash of its pattern
        assertThat(beginnings).doesNotContain("/api/v1/organ", "/api/v1/organizations/");
    }

    @Test
    void everyRouteIsFoundForItsOwnPathsAndMethods() throws Exception {
        assertThat(mapping).isInstanceOf(PrefixFilteringHandlerMapping.class);
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (var route : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = route.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    MockHttpServletRequest request = requestFor(info, method.name(), pattern);
                    HandlerExecutionChain found = mapping.getHandler(request);
                    tried++;
                    Object handler = found == null ? null : found.getHandler();
                    if (!(handler instanceof HandlerMethod method1) || !method1.getMethod().equals(route.getValue().getMethod())) {
                        wrong.add(method + " " + request.getRequestURI() + " -> " + handler + ", expected " + route.getValue());
                    }
                }
            }
        }
        assertThat(tried).as("routes tried").isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @Test
    void anEncodedPathIsMatchedAsItsDecodedForm() throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/organizations/" + ID + "/%64evices");
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain found = mapping.getHandler(request);
        assertThat(found).isNotNull();
        assertThat(((HandlerMethod) found.getHandler()).getMethod().getName()).isNotBlank();
    }

    /** Each {variable} an id, or a number where its pattern asks for one ({jobId:[1-9][0-9]*}). */
    private static String withValues(String pattern) {
        return java.util.regex.Pattern.compile("\\{([^}:]+)(?::([^}]+))?}").matcher(pattern).replaceAll(variable ->
                variable.group(2) == null || ID.matches(variable.group(2)) ? ID : "7");
    }

    private static MockHttpServletRequest requestFor(RequestMappingInfo info, String method, String pattern) {
        String path = withValues(pattern.replaceAll("\\{\\*[^}]+}", "a/b")).replace("**", "a/b").replace("*", "x");
        var request = new MockHttpServletRequest(method, path);
        Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
        if (!consumes.isEmpty()) {
            request.setContentType(consumes.iterator().next().toString().replace("*", "x"));
        }
        Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
        if (!produces.isEmpty()) {
            request.addHeader("Accept", produces.iterator().next().toString());
        }
        for (NameValueExpression<String> header : info.getHeadersCondition().getExpressions()) {
            if (!header.isNegated()) {
                request.addHeader(header.getName(), header.getValue() == null ? "x" : header.getValue());
            }
        }
        for (NameValueExpression<String> param : info.getParamsCondition().getExpressions()) {
            if (!param.isNegated()) {
                request.addParameter(param.getName(), param.getValue() == null ? "x" : param.getValue());
            }
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
