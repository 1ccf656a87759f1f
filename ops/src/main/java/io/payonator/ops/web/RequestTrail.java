package io.payonator.ops.web;

import io.payonator.ops.web.security.Grant;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives each request an id (the client's {@value #HEADER} when it is a plain short one, else a
 * new random one), answered in the same header and kept in the logging context, so that a log
 * line and the answer a client got can be matched. And writes the audit trail: one line per
 * request that is not a read (a write, a replay, a sign-in), answered or refused (see
 * {@link #audited} for the refusals left out), on the logger
 * {@value #AUDIT_LOGGER}, which logback can send to a file of its own ({@code PAYONATOR_AUDIT_FILE}):
 * <pre>
 * 2026-11-30T10:15:30.123Z request=5f0c9a1e77d3b2a4 from=127.0.0.1 role=write token=tokens.txt:2
 *   POST /transactions status=200 rows=7 accepted=3 rejected=4
 * </pre>
 * The token itself is never written, only the label of the entry that matched it. Runs first, so
 * that requests refused by any later filter are in the trail too.
 */
final class RequestTrail extends OncePerRequestFilter implements Ordered {

    static final String HEADER = "X-Request-Id";
    static final String AUDIT_LOGGER = "payonator.audit";
    /** The key of the request id in the logging context (MDC). */
    static final String ID_KEY = "requestId";

    private static final Logger audit = LoggerFactory.getLogger(AUDIT_LOGGER);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String OUTCOME = RequestTrail.class.getName() + ".outcome";

    /** What a write decided, for its audit line. */
    record Outcome(String text) {
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Notes what the request decided: its audit line says it. */
    static void outcome(ServletRequest request, String text) {
        request.setAttribute(OUTCOME, new Outcome(text));
    }

    /** The id of the request this thread is answering, for a log line. */
    static String currentId() {
        String id = MDC.get(ID_KEY);
        return id == null ? "-" : id;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = idOf(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(ID_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (audited(request, response)) {
                audit.info("{}", line(request, response, id));
            }
            MDC.remove(ID_KEY);
        }
    }

    /**
     * Every action that is not a read, done or refused, with one exception: a request refused for
     * having no token at all (401) or while its address is throttled (429). Such a request did
     * nothing, said nothing about who sent it, and a flood of them would flood the trail.
     */
    private static boolean audited(HttpServletRequest request, HttpServletResponse response) {
        if (READS.contains(request.getMethod())) {
            return false;
        }
        boolean anonymous = Grant.of(request).isEmpty() && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
        return !(anonymous && response.getStatus() == HttpStatus.UNAUTHORIZED.value())
                && response.getStatus() != HttpStatus.TOO_MANY_REQUESTS.value();
    }

    private static String idOf(String given) {
        if (given != null && CLIENT_ID.matcher(given).matches()) {
            return given;
        }
        // an id to match log lines by, not a secret: SecureRandom's one lock was shared by every request
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    private static String line(HttpServletRequest request, HttpServletResponse response, String id) {
        Grant grant = Grant.of(request).orElse(null);
        Object outcome = request.getAttribute(OUTCOME);
        return Instant.now().truncatedTo(ChronoUnit.MILLIS) + " request=" + id + " from=" + request.getRemoteAddr()
                + " role=" + (grant == null ? "none" : grant.role().code())
                + " token=" + (grant == null ? "none" : grant.label())
                + " " + Problems.echo(request.getMethod()) + " " + Problems.echo(request.getRequestURI())
                + " status=" + response.getStatus()
                + (outcome instanceof Outcome decided ? " " + decided.text() : "");
    }
}
