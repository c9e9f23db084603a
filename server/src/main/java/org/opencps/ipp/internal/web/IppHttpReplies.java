package org.opencps.ipp.internal.web;

import com.hp.jipp.encoding.IppOutputStream;
import com.hp.jipp.encoding.IppPacket;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the IPP endpoints write back over HTTP: an IPP response (maybe followed by a document), or a plain refusal. */
public final class IppHttpReplies {

    private static final Logger log = LoggerFactory.getLogger(IppHttpReplies.class);
    private static final String IPP = "application/ipp";

    private IppHttpReplies() {
    }

    public static boolean isIpp(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(IPP);
    }

    public static void packet(HttpServletResponse response, IppPacket packet) throws IOException {
        packet(response, packet, null);
    }

    /** The response, then the document if there is one, streamed as it is read (and closed). */
    public static void packet(HttpServletResponse response, IppPacket packet, InputStream document) throws IOException {
        try (InputStream body = document) {
            var head = new ByteArrayOutputStream(4096);
            new IppOutputStream(head).write(packet);
            response.setStatus(200);
            response.setContentType(IPP);
            if (body == null) {
                response.setContentLength(head.size());
            }
            OutputStream out = response.getOutputStream();
            head.writeTo(out);
            if (body != null) {
                body.transferTo(out);
            }
        } catch (IOException clientGone) {
            log.debug("IPP client went away before its response was written: {}", clientGone.toString());
        }
    }

    public static void challenge(HttpServletResponse response, String challenge, String message) throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        plain(response, 401, message);
    }

    public static void plain(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
