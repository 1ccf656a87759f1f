package io.payonator.ops.web.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * A browser's sign-in (the console's): a token, as a bearer header or as the form field
 * {@code token}, is exchanged for a session whose cookie is HTTP-only and SameSite=Strict (and
 * Secure with TLS; see application-serve.properties). The session grants what the token grants,
 * until sign-out or 30 minutes unused. Each sign-in gets a new session id, so that a session id
 * planted before it is worth nothing after.
 */
@RestController
@Tag(name = "session", description = "Sign a browser in with a token, and out")
class SessionController {

    static final String PATH = "/session";

    /** What a sign-in answers: the role, and the CSRF token the session's unsafe requests must send back. */
    record SignedIn(String role, String csrfHeader, String csrfToken) {
    }

    private final TokenAuthenticationProvider tokens;
    private final HttpSessionSecurityContextRepository sessions;
    private final HttpSessionCsrfTokenRepository csrfTokens;

    SessionController(TokenAuthenticationProvider tokens, HttpSessionSecurityContextRepository sessions,
                      HttpSessionCsrfTokenRepository csrfTokens) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
    }

    @Operation(summary = "Sign in: a token for a session cookie",
            description = "The token as Authorization: Bearer, or as the form field token. Answers the role and"
                    + " the CSRF token that the session's POST and DELETE requests send as X-CSRF-TOKEN.")
    @ApiResponse(responseCode = "200", description = "Signed in; Set-Cookie carries the session")
    @ApiResponse(responseCode = "401", description = "No token, or a wrong one",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "429", description = "Too many wrong tokens from this address; see Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "303", description = "Signed in from the console's form (a browser asking for HTML):"
            + " on to the console at /")
    // HTML too: a browser's form asks for it, and is answered with the redirect, not with JSON
    @PostMapping(path = PATH, produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_HTML_VALUE})
    SignedIn signIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String formToken = authentication instanceof TokenAuthentication ? null : SignInForm.token(request);
        if (formToken != null) {
            authentication = fromForm(formToken, request, response);
            if (authentication == null) {
                return null;
            }
        }
        if (!(authentication instanceof TokenAuthentication signedIn)) {
            new SecurityProblems().commence(request, response, new BadCredentialsException("no token"));
            return null;
        }
        signedIn.grant().attachTo(request);
        newSession(request);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        sessions.saveContext(context, request, response);
        CsrfToken csrf = csrfTokens.generateToken(request);
        csrfTokens.saveToken(csrf, request, response);
        if (formToken != null && asksForHtml(request)) {
            // the console's sign-in form, sent by a browser without script: on to the console
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, "/");
            return null;
        }
        return new SignedIn(signedIn.grant().role().code(), csrf.getHeaderName(), csrf.getToken());
    }

    @Operation(summary = "Sign out: the session ends",
            description = "Needs the session's X-CSRF-TOKEN header.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    @DeleteMapping(PATH)
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
    }

    /** The form's token, verified and throttled as a bearer header is; {@code null} once refused. */
    private TokenAuthentication fromForm(String token, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            return (TokenAuthentication) tokens.authenticate(new PresentedToken(token, request.getRemoteAddr()));
        } catch (AuthenticationException e) {
            new SecurityProblems().commence(request, response, e);
            return null;
        }
    }

    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static void newSession(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
    }
}
