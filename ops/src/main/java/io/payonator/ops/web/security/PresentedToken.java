package io.payonator.ops.web.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** A token as a client presented it, not verified yet, with the address it came from (for the throttle). */
final class PresentedToken extends AbstractAuthenticationToken {

    private final String token;
    private final String address;

    PresentedToken(String token, String address) {
        super(List.of());
        this.token = token;
        this.address = address;
        setAuthenticated(false);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return address;
    }

    String token() {
        return token;
    }

    String address() {
        return address;
    }
}
