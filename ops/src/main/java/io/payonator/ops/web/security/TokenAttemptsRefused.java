package io.payonator.ops.web.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many wrong tokens came from this address lately: the token was not even looked at. */
final class TokenAttemptsRefused extends AuthenticationException {

    private final Duration retryAfter;

    TokenAttemptsRefused(Duration retryAfter) {
        super("too many wrong tokens from this address; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, rounded up: a client that waits that long is looked at again. */
    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
