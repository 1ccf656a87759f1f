package io.payonator.ops.web.security;

import io.payonator.ops.web.console.ConsolePaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.Arrays;

/**
 * A browser that opens a console page without a session is sent to the sign-in page; every other
 * refused request gets the problem JSON of {@link SecurityProblems}, as before. Only a page read
 * by a browser (it asks for HTML), and only one that sent no token: a wrong token is an error to
 * report, not a reason to ask for another.
 */
final class BrowserSignIn implements AuthenticationEntryPoint {

    private static final RequestMatcher PAGES = new OrRequestMatcher(Arrays.stream(ConsolePaths.PAGES)
            .map(path -> (RequestMatcher) AntPathRequestMatcher.antMatcher(HttpMethod.GET, path)).toList());

    private final AuthenticationEntryPoint problems;

    BrowserSignIn(AuthenticationEntryPoint problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (PAGES.matches(request) && asksForHtml(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, ConsolePaths.SIGN_IN);
            return;
        }
        problems.commence(request, response, e);
    }

    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }
}
