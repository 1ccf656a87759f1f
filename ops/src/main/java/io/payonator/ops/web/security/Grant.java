package io.payonator.ops.web.security;

import jakarta.servlet.ServletRequest;

import java.util.Optional;

/**
 * What a verified token grants: its role, and a label that names the token without revealing it
 * ({@code --token}, {@code FILE:LINE} of the tokens file, {@code PAYONATOR_TOKENS#N}), for the audit trail.
 */
public record Grant(Role role, String label) {

    private static final String ATTRIBUTE = Grant.class.getName();

    /**
     * The grant the request was authenticated with, by bearer token or by its session. Kept on the
     * request because Spring Security clears its context before the filters around it see the answer.
     */
    public static Optional<Grant> of(ServletRequest request) {
        return Optional.ofNullable((Grant) request.getAttribute(ATTRIBUTE));
    }

    void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }
}
