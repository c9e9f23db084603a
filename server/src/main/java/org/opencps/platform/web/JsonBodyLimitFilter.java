package org.opencps.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.opencps.platform.config.OpenCpsProperties;
import org.opencps.platform.io.LimitedInputStream;
import org.opencps.platform.security.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON request bodies are small: refuse one over the limit (64 KiB by default) with 413, by its
 * declared length up front or, for a chunked body, as soon as it has been read past the limit.
 * Uploads (documents) have their own, larger limits and are not JSON.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JsonBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final ProblemWriter problems;

    JsonBodyLimitFilter(OpenCpsProperties properties, ProblemWriter problems) {
        this.limit = properties.security().maxJsonBody().toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            problems.write(response, 413, "Content Too Large", new BodyTooLargeException(limit).getMessage());
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (BodyTooLargeException | ServletException e) {
            if (e instanceof BodyTooLargeException || e.getCause() instanceof BodyTooLargeException) {
                problems.write(response, 413, "Content Too Large", new BodyTooLargeException(limit).getMessage());
                return;
            }
            throw e;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    /** The request body, refused past the limit; the servlet's non-blocking API passes through. */
    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final LimitedInputStream limited;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limited = new LimitedInputStream(in, limit, () -> new BodyTooLargeException(limit));
        }

        @Override
        public int read() throws IOException {
            return limited.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return limited.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
