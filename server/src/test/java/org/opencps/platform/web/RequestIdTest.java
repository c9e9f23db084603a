package org.opencps.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.opencps.testing.OpenCpsTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@OpenCpsTest
class RequestIdTest {

    @Autowired MockMvc mvc;

    @Test
    void aWellFormedIncomingIdIsKeptAndReturned() throws Exception {
        var response = mvc.perform(get("/actuator/health").header("X-Request-Id", "lb-1234.abc_DEF")).andReturn().getResponse();
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("lb-1234.abc_DEF");
    }

    @Test
    void aMalformedIncomingIdIsReplaced() throws Exception {
        for (String forged : new String[] {"abc\nFAKE LOG LINE", "x".repeat(65), "a b", "<script>"}) {
            var response = mvc.perform(get("/actuator/health").header("X-Request-Id", forged)).andReturn().getResponse();
            assertThat(response.getHeader("X-Request-Id")).isNotEqualTo(forged).matches("[0-9a-f-]{36}");
        }
    }

    @Test
    void withoutOneEachRequestGetsItsOwn() throws Exception {
        String first = mvc.perform(get("/actuator/health")).andReturn().getResponse().getHeader("X-Request-Id");
        String second = mvc.perform(get("/api/v1/me")).andReturn().getResponse().getHeader("X-Request-Id");
        assertThat(first).isNotBlank().isNotEqualTo(second);
        assertThat(second).isNotBlank();
    }

    @Test
    void theIdIsInTheLogContextWhileTheRequestIsServedAndGoneAfter() throws Exception {
        var seen = new AtomicReference<String>();
        var request = new MockHttpServletRequest();
        request.addHeader("X-Request-Id", "req-42");
        new RequestIdFilter().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> seen.set(MDC.get("requestId") + " " + ((HttpServletRequest) req).getHeader("X-Request-Id")));
        assertThat(seen.get()).isEqualTo("req-42 req-42");
        assertThat(MDC.get("requestId")).isNull();
    }
}
