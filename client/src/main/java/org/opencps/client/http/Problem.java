package org.opencps.client.http;

/** An {@code application/problem+json} body (RFC 9457) with OpenCPS's {@code field}. */
record Problem(String title, Integer status, String detail, String field) {
}
