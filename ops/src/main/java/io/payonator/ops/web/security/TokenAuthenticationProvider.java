package io.payonator.ops.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Verifies a {@link PresentedToken} against the service's {@link Tokens}, unless its address is
 * throttled ({@link TokenThrottle}), in which case the token is not looked at: a flood of guesses
 * then costs no slow hash either. Being a bean, it also keeps Spring Boot from setting up its
 * default user with a generated password.
 */
final class TokenAuthenticationProvider implements AuthenticationProvider {

    private final Tokens tokens;
    private final TokenThrottle throttle;

    TokenAuthenticationProvider(Tokens tokens, TokenThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        PresentedToken presented = (PresentedToken) authentication;
        throttle.waitFor(presented.address()).ifPresent(wait -> {
            throw new TokenAttemptsRefused(wait);
        });
        return tokens.verify(presented.token()).map(TokenAuthentication::new).orElseThrow(() -> {
            throttle.failed(presented.address());
            return new BadCredentialsException("the bearer token is not one of the service's tokens");
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PresentedToken.class.isAssignableFrom(authentication);
    }
}
