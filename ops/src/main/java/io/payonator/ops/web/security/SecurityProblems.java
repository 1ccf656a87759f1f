package io.payonator.ops.web.security;

import io.payonator.ops.web.ProblemJson;
import io.payonator.ops.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;

/**
 * Spring Security's refusals as {@code application/problem+json}: 401 without a token or with a
 * wrong one ({@code WWW-Authenticate: Bearer}), 429 with {@code Retry-After} while an address is
 * throttled, 403 when the token's role is not enough or a session's action lacks its CSRF token.
 * A refused request with a body is answered with {@code Connection: close}: its body is never read
 * (see {@code UnreadBodyValve}), so the connection cannot carry another request.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        closeIfBodyFollows(request, response);
        if (e instanceof TokenAttemptsRefused refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
            ProblemJson.write(response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            return;
        }
        if (e instanceof BadCredentialsException) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ProblemJson.write(response, HttpStatus.UNAUTHORIZED, e.getMessage());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemJson.write(response, HttpStatus.UNAUTHORIZED, "this needs a token: send Authorization: Bearer <token>"
                + " (reads need the read role, transactions the write role, /admin the admin role)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        closeIfBodyFollows(request, response);
        if (e instanceof CsrfException) {
            ProblemJson.write(response, HttpStatus.FORBIDDEN, "an action of a signed-in session needs the "
                    + CSRF_HEADER + " header with the csrfToken its sign-in answered");
            return;
        }
        String role = Grant.of(request).map(grant -> grant.role().code()).orElse("none");
        ProblemJson.write(response, HttpStatus.FORBIDDEN, "the token's role (" + role + ") may not do this:"
                + " transactions need the write role, /admin the admin role");
    }

    private static void closeIfBodyFollows(HttpServletRequest request, HttpServletResponse response) {
        if (RequestBodies.announced(request)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
    }
}
