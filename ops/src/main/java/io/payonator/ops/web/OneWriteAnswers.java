package io.payonator.ops.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sends a small answer in one write, with its length, instead of two. Spring MVC flushes the
 * response as soon as it has written a body (its JSON converter the body stream, its handling of a
 * {@code ResponseEntity} the response): that sent the headers and the body as a chunk at once, and
 * the end of the chunked body in a second write when the request ended. Two system calls and a
 * chunked framing per request, a tenth of what a deposit or a health check cost the service's
 * threads (profile of 64 connections, docs/PERFORMANCE.md). Here the flushes wait for the end of
 * the request, where Tomcat writes what its buffer holds with a Content-Length; every answer is
 * sent then, refusals too ({@link ProblemJson}), before the connection is closed or read again. A
 * body larger than Tomcat's buffer still goes out as it is written: a full buffer is sent whatever
 * is flushed.
 */
final class OneWriteAnswers extends OncePerRequestFilter implements Ordered {

    @Override
    public int getOrder() {
        // inside RequestTrail (which only sets a header and reads the status), around everything else
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushAtEnd(response));
    }

    private static final class FlushAtEnd extends HttpServletResponseWrapper {

        private ServletOutputStream body;

        FlushAtEnd(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // sent at the end of the request
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new UnflushedStream(super.getOutputStream());
            }
            return body;
        }
    }

    /** The response's stream, but for its flushes: the end of the request sends what it holds. */
    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream out;

        UnflushedStream(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // the end of the request sends the body; a full buffer is sent as it fills
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
