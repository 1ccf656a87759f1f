package io.payonator.ops.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A verified token: its {@link Grant}, and the authorities of its role. It keeps no copy of the token. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    private final Grant grant;

    TokenAuthentication(Grant grant) {
        super(grant.role().authorities());
        this.grant = grant;
        setAuthenticated(true);
    }

    public Grant grant() {
        return grant;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return grant.label();
    }
}
