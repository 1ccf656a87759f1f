package io.payonator.ops.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * Bounds on what a request body may cost, before anything reads it:
 * <ul>
 *     <li>size: a CSV body is bounded by its endpoint ({@link TransactionsController#MAX_CSV_BYTES}),
 *     any other by {@value #MAX_BYTES} bytes; a larger Content-Length is refused (413) unread;</li>
 *     <li>time: the whole body must arrive within {@link #CSV_DEADLINE} (CSV) or {@link #DEADLINE},
 *     however it trickles in (a read that waits counts too; Tomcat ends one that waits longer than
 *     its connection timeout), else 408;</li>
 *     <li>concurrency: at most {@value #READERS} request bodies are being read at once, so that slow
 *     bodies (even with a token) never hold the threads the reads need. A body counts from its first
 *     read to its end: not while its request passes the security filters, nor once it waits for its
 *     group's commit ({@link WriteGroups}); 64 fast writers at once would otherwise find the places
 *     taken by requests that read nothing. A request is answered 503 with {@code Retry-After} at once
 *     when every place is taken as it comes, or when its body cannot have one as it begins.</li>
 * </ul>
 * Runs before the security filters: a refused request is refused without its token being looked at,
 * except one whose body could not have a place when it began (it passed them then).
 */
final class RequestBodyLimits extends OncePerRequestFilter implements Ordered {

    static final int MAX_BYTES = 64 * 1024;
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final Duration CSV_DEADLINE = Duration.ofSeconds(120);
    static final int READERS = 16;
    static final String RETRY_AFTER_SECONDS = "1";
    private static final String BUSY = "the service is reading " + READERS + " request bodies already; retry in a moment";

    /** The body grew past its limit while being read. */
    static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    /** Every place for a body being read was taken when this one began. */
    static final class BodyReadersBusyException extends IOException {
        BodyReadersBusyException() {
            super(BUSY);
        }
    }

    /** The body did not arrive in time. */
    static final class BodyTimeoutException extends IOException {
        BodyTimeoutException(String message) {
            super(message);
        }
    }

    private final Semaphore readers = new Semaphore(READERS);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestBodies.announced(request)) {
            chain.doFilter(request, response);
            return;
        }
        boolean csv = isCsv(request.getContentType());
        long limit = csv ? TransactionsController.MAX_CSV_BYTES + 1 : MAX_BYTES;
        if (request.getContentLengthLong() > limit) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "the body is " + request.getContentLengthLong()
                    + " bytes; at most " + (csv ? TransactionsController.MAX_CSV_BYTES + " (CSV)" : MAX_BYTES) + " bytes");
            return;
        }
        if (readers.availablePermits() == 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            refuse(response, HttpStatus.SERVICE_UNAVAILABLE, BUSY + "; nothing was read or written");
            return;
        }
        Permit permit = new Permit(readers);
        try {
            chain.doFilter(new Limited(request, limit, csv ? CSV_DEADLINE : DEADLINE, permit), response);
        } finally {
            permit.release();
        }
    }

    private static boolean isCsv(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, AccountsCsvConverter.TEXT_CSV_VALUE, 0,
                AccountsCsvConverter.TEXT_CSV_VALUE.length());
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setHeader(HttpHeaders.CONNECTION, "close");
        ProblemJson.write(response, status, detail.endsWith("written") ? detail : detail + "; nothing was read or written");
    }

    /** The limit exception among {@code failure}'s causes, if a body limit is why it failed. */
    static IOException limitIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException || cause instanceof BodyTimeoutException
                    || cause instanceof BodyReadersBusyException) {
                return (IOException) cause;
            }
            if (cause instanceof java.net.SocketTimeoutException) {
                return new BodyTimeoutException("the body stopped arriving: nothing came for a while");
            }
        }
        return null;
    }

    /**
     * A request's place among the bodies being read: taken at the body's first read, given back once,
     * at its end or when the request is done. Used by the request's thread only.
     */
    private static final class Permit {

        private final Semaphore readers;
        private boolean taken;
        private boolean held;

        Permit(Semaphore readers) {
            this.readers = readers;
        }

        void take() throws BodyReadersBusyException {
            if (taken) {
                return;
            }
            if (!readers.tryAcquire()) {
                throw new BodyReadersBusyException();
            }
            taken = true;
            held = true;
        }

        void release() {
            if (held) {
                held = false;
                readers.release();
            }
        }
    }

    /** The request with its body stream bounded. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final BoundedStream body;

        Limited(HttpServletRequest request, long limit, Duration deadline, Permit permit) {
            super(request);
            this.body = new BoundedStream(request, limit, deadline, permit);
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(body,
                    encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final HttpServletRequest request;
        private final long limit;
        private final Duration deadline;
        private final long end;
        private final Permit permit;
        private ServletInputStream in;
        private long read;

        BoundedStream(HttpServletRequest request, long limit, Duration deadline, Permit permit) {
            this.request = request;
            this.limit = limit;
            this.deadline = deadline;
            this.permit = permit;
            this.end = System.nanoTime() + deadline.toNanos();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            checkTime();
            int n = stream().read(buffer, offset, (int) Math.min(length, limit - read + 1));
            checkTime();
            if (n < 0) {
                permit.release();
            }
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new BodyTooLargeException(limit);
                }
            }
            return n;
        }

        private ServletInputStream stream() throws IOException {
            if (in == null) {
                permit.take();
                in = request.getInputStream();
            }
            return in;
        }

        private void checkTime() throws BodyTimeoutException {
            if (System.nanoTime() - end > 0) {
                throw new BodyTimeoutException("the body did not arrive within " + deadline.toSeconds() + " s");
            }
        }

        @Override
        public boolean isFinished() {
            return in != null && in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in == null || in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the service reads request bodies blocking");
        }
    }
}
