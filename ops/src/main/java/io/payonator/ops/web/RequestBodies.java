package io.payonator.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** What a request says of its body before any of it is read. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** Whether a body follows the headers: a length above zero, or a transfer coding (chunked). */
    public static boolean announced(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }
}
