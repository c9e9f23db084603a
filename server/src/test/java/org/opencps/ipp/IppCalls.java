package org.opencps.ipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.hp.jipp.encoding.IppPacket;
import org.opencps.testing.Api;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Posts IPP requests to the endpoint through MockMvc, as over HTTPS unless told otherwise. */
final class IppCalls {

    private final MockMvc mvc;

    IppCalls(MockMvc mvc) {
        this.mvc = mvc;
    }

    MockHttpServletResponse http(String path, byte[] body, String authorization, boolean secure) throws Exception {
        return http(path, body, authorization, secure, Api.fromOwnAddress());
    }

    /** As {@link #http(String, byte[], String, boolean)}, from a client address of the caller's choice. */
    MockHttpServletResponse http(String path, byte[] body, String authorization, boolean secure, RequestPostProcessor from)
            throws Exception {
        var request = post(path).secure(secure).contentType("application/ipp").content(body).with(from);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** An IPP exchange that must succeed at the HTTP level; the IPP status is the caller's to check. */
    IppPacket ipp(String path, byte[] body, String authorization) throws Exception {
        MockHttpServletResponse response = http(path, body, authorization, true);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/ipp");
        return Ipp.parse(response.getContentAsByteArray());
    }

    IppPacket ipp(String path, IppPacket.Builder request, String authorization) throws Exception {
        return ipp(path, Ipp.bytes(request), authorization);
    }
}
