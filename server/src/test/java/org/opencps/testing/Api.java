package org.opencps.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Small helpers for calling the JSON API like a client would. */
public final class Api {

    public static final String SESSION_COOKIE = "OPENCPS_SESSION";
    private static final AtomicInteger CLIENTS = new AtomicInteger(256);

    private Api() {
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /**
     * A request from a loopback source address no other request of the test run uses. Logins are
     * rate limited per source on the wall clock, which the test clock cannot move; a suite logging
     * in from one address would trip over the limit.
     */
    public static RequestPostProcessor fromOwnAddress() {
        int n = CLIENTS.incrementAndGet();
        String address = "127." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A request from {@code address}, as the server sees the client (other requests of the tests come from loopback). */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** An address in 10.0.0.0/8 that no other call of the test run gets, so per-source limits do not add up. */
    public static String freshAddressIn10() {
        int n = CLIENTS.incrementAndGet();
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    /** Logs in through the API and returns the session cookie. */
    public static Cookie login(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = mvc.perform(json(post("/api/v1/auth/login").with(fromOwnAddress()),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("login failed: " + result.getResponse().getStatus() + " " + result.getResponse().getContentAsString());
        }
        return sessionCookie(result);
    }

    public static Cookie sessionCookie(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie(SESSION_COOKIE);
        if (cookie == null) {
            throw new AssertionError("no session cookie in the response");
        }
        return cookie;
    }
}
