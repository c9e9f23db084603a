package org.opencps.testing;

import java.io.UnsupportedEncodingException;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Every MockMvc call of an {@link OpenCpsTest} tells {@link SuiteSecrets} the secrets it sent or
 * got back: the Authorization header, secret form fields, secret members of JSON bodies.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SecretCapture {

    @Bean
    MockMvcBuilderCustomizer rememberSecretsOfEveryCall() {
        return builder -> builder.alwaysDo(SecretCapture::remember);
    }

    private static void remember(MvcResult result) {
        if (SuiteSecrets.file() == null) {
            return;
        }
        MockHttpServletRequest request = result.getRequest();
        SuiteSecrets.rememberAuthorization(request.getHeader("Authorization"));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (SuiteSecrets.SECRET_FIELDS.contains(parameter.getKey())) {
                for (String value : parameter.getValue()) {
                    SuiteSecrets.remember(value);
                }
            }
        }
        if (isJson(request.getContentType())) {
            byte[] body = request.getContentAsByteArray();
            if (body != null) {
                SuiteSecrets.rememberFromJson(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (isJson(result.getResponse().getContentType())) {
            try {
                SuiteSecrets.rememberFromJson(result.getResponse().getContentAsString());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.contains("json");
    }
}
