package io.payonator.ops.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Authenticates a request by its {@code Authorization: Bearer <token>} header; without one, the
 * session's authentication (a console signed in) stands, or none. A wrong token is answered at
 * once (401, or 429 while its address is throttled) and the request goes no further: nothing has
 * read its body. The context lives for this request only: a bearer request never gets a session.
 */
final class TokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AuthenticationManager authentication;
    private final AuthenticationEntryPoint refusal;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    TokenAuthenticationFilter(AuthenticationManager authentication, AuthenticationEntryPoint refusal) {
        this.authentication = authentication;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null) {
            try {
                authenticated(authentication.authenticate(new PresentedToken(token, request.getRemoteAddr())));
            } catch (AuthenticationException e) {
                contexts.clearContext();
                refusal.commence(request, response, e);
                return;
            }
        }
        if (contexts.getContext().getAuthentication() instanceof TokenAuthentication signedIn) {
            signedIn.grant().attachTo(request);
        }
        chain.doFilter(request, response);
    }

    private void authenticated(Authentication result) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(result);
        contexts.setContext(context);
    }

    /** The token of a bearer header; {@code null} for none or another scheme, which then count as no token. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }
}
