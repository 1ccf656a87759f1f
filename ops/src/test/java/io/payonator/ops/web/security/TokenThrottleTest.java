package io.payonator.ops.web.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole policy of the throttle, on a clock the test moves: free tries, growing waits, the refusal, the fading. */
class TokenThrottleTest {

    private final MovableClock clock = new MovableClock();
    private final TokenThrottle throttle = new TokenThrottle(clock);

    @Test
    void theFirstFourFailuresCostNoWait() {
        fail("10.0.0.1", 4);

        assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
    }

    @Test
    void fromTheFifthFailureEachDoublesTheWait() {
        for (int failure = 5, seconds = 1; failure < TokenThrottle.REFUSE_AFTER; failure++, seconds *= 2) {
            fail("10.0.0.1", failure == 5 ? 5 : 1);

            assertThat(throttle.waitFor("10.0.0.1")).as("after failure %s", failure).contains(Duration.ofSeconds(seconds));
            clock.advance(Duration.ofSeconds(seconds));
            assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
        }
    }

    @Test
    void theTenthFailureRefusesTheAddressForFifteenMinutesAndOthersGoOn() {
        fail("10.0.0.1", TokenThrottle.REFUSE_AFTER);

        assertThat(throttle.waitFor("10.0.0.1")).contains(TokenThrottle.REFUSAL);
        assertThat(throttle.waitFor("10.0.0.2")).isEmpty();
        clock.advance(TokenThrottle.REFUSAL.minusSeconds(1));
        assertThat(throttle.waitFor("10.0.0.1")).contains(Duration.ofSeconds(1));
    }

    @Test
    void failuresFadeFifteenMinutesAfterTheLast() {
        fail("10.0.0.1", 4);
        clock.advance(TokenThrottle.FORGET_AFTER.plusSeconds(1));

        fail("10.0.0.1", 4);

        assertThat(throttle.waitFor("10.0.0.1")).as("four new failures, the old ones forgotten").isEmpty();
    }

    @Test
    void theAddressesRememberedAreBounded() {
        for (int i = 0; i <= TokenThrottle.MAX_ADDRESSES; i++) {
            fail("address-" + i, TokenThrottle.REFUSE_AFTER);
        }

        assertThat(throttle.waitFor("address-0")).as("the least recent one was dropped").isEqualTo(Optional.empty());
        assertThat(throttle.waitFor("address-" + TokenThrottle.MAX_ADDRESSES)).isPresent();
    }

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(address);
        }
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
