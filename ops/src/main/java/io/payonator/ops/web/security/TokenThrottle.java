package io.payonator.ops.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wrong tokens, counted per remote address. The first {@value #FREE_FAILURES} cost nothing more
 * than the slow hash (typing mistakes happen); after each further one the address waits 1 s, 2 s,
 * 4 s, 8 s, 16 s before its next try is even looked at, and from the {@value #REFUSE_AFTER}th it is
 * refused for {@link #REFUSAL}. A success does not wipe the count (an attacker behind the same
 * proxy as a user would get it wiped for free); it fades {@link #FORGET_AFTER} after the last failure.
 *
 * <p>At most {@value #MAX_ADDRESSES} addresses are remembered, the least recently failing dropped
 * first, so that no flood of addresses makes it grow without bound.
 */
final class TokenThrottle {

    static final int FREE_FAILURES = 5;
    static final int REFUSE_AFTER = 10;
    static final Duration REFUSAL = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_ADDRESSES = 10_000;

    private static final class Failures {
        private int count;
        private Instant last;
        private Instant blockedUntil = Instant.MIN;
    }

    private static final Logger log = LoggerFactory.getLogger(TokenThrottle.class);

    private final Clock clock;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    TokenThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code address} must wait before its next token is looked at; empty if it may try now. */
    synchronized Optional<Duration> waitFor(String address) {
        Failures failures = current(address);
        if (failures == null) {
            return Optional.empty();
        }
        Duration wait = Duration.between(clock.instant(), failures.blockedUntil);
        return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void failed(String address) {
        Failures failures = current(address);
        if (failures == null) {
            failures = new Failures();
            byAddress.put(address, failures);
        }
        Instant now = clock.instant();
        failures.count++;
        failures.last = now;
        failures.blockedUntil = now.plus(blockFor(failures.count));
        if (failures.count == REFUSE_AFTER) {
            log.warn("{} wrong tokens in a row from {}: its tokens are refused for {} min", REFUSE_AFTER, address,
                    REFUSAL.toMinutes());
        }
    }

    private static Duration blockFor(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        if (failures >= REFUSE_AFTER) {
            return REFUSAL;
        }
        return Duration.ofSeconds(1L << (failures - FREE_FAILURES));
    }

    /** The failures of {@code address} that still count, or {@code null}. */
    private Failures current(String address) {
        Failures failures = byAddress.get(address);
        if (failures != null && failures.last.plus(FORGET_AFTER).isBefore(clock.instant())
                && !failures.blockedUntil.isAfter(clock.instant())) {
            byAddress.remove(address);
            return null;
        }
        return failures;
    }
}
