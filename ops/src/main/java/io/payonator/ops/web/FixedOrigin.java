package io.payonator.ops.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Every URL the service builds from "the current request" (springdoc's Swagger UI configuration,
 * a redirect) names {@code --public-url}, or without it the address and port the connection came
 * in on: never what the client wrote in its {@code Host} header, which it may set to anything
 * ({@code Host: evil.example} must not make the service hand out {@code http://evil.example/...}).
 * The request's scheme, server name and port, request URL and Host header are answered from that
 * origin instead.
 */
final class FixedOrigin extends OncePerRequestFilter implements Ordered {

    private final URI publicUrl;

    /** @param publicUrl {@code --public-url}, or {@code null} */
    FixedOrigin(URI publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Fixed(request, publicUrl != null ? publicUrl : local(request)), response);
    }

    private static URI local(HttpServletRequest request) {
        String address = request.getLocalAddr();
        String host = address.contains(":") ? "[" + address + "]" : address;
        return URI.create((request.isSecure() ? "https" : "http") + "://" + host + ":" + request.getLocalPort());
    }

    private static final class Fixed extends HttpServletRequestWrapper {

        private final URI origin;

        Fixed(HttpServletRequest request, URI origin) {
            super(request);
            this.origin = origin;
        }

        @Override
        public String getScheme() {
            return origin.getScheme();
        }

        @Override
        public String getServerName() {
            return origin.getHost();
        }

        @Override
        public int getServerPort() {
            return origin.getPort() >= 0 ? origin.getPort() : "https".equals(origin.getScheme()) ? 443 : 80;
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(getScheme()).append("://").append(authority()).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? authority() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(authority()))
                    : super.getHeaders(name);
        }

        private String authority() {
            return origin.getRawAuthority();
        }
    }
}
