package io.payonator.ops.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request reach a {@link RequiresToken} endpoint only with {@code Authorization: Bearer
 * <token>}. It runs before the body is read, so a refused request writes nothing. Both tokens are
 * hashed before the comparison: {@link MessageDigest#isEqual} then compares equal lengths in
 * constant time, and the time taken says nothing about the token.
 */
final class BearerTokenCheck implements HandlerInterceptor {

    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    BearerTokenCheck(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the service needs a non-empty token for writes");
        }
        this.expected = sha256(token);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(RequiresToken.class)) {
            check(request.getHeader(HttpHeaders.AUTHORIZATION));
        }
        return true;
    }

    private void check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw unauthorized("this endpoint writes to the ledger: send Authorization: Bearer <token>");
        }
        if (!MessageDigest.isEqual(expected, sha256(authorization.substring(BEARER.length()).strip()))) {
            throw unauthorized("the bearer token is not the service's token");
        }
    }

    private static ErrorResponseException unauthorized(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
        exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return exception;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
