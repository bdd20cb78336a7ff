package dev.tollgate.admin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    final SteppingClock clock = new SteppingClock();
    final LoginThrottle throttle = new LoginThrottle(new ConsoleProperties(null, 5, Duration.ofMinutes(5)), clock);
    final String key = LoginThrottle.key("Admin@Example.test ", "10.0.0.1");

    @Test
    void locksAfterTheFifthFailureWithinTheWindow() {
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(throttle.recordFailure(key)).isFalse();
        }

        assertThat(throttle.recordFailure(key)).isTrue();
        assertThat(throttle.recent(key)).isEqualTo(5);
    }

    @Test
    void forgetsFailuresOnceTheyAgeOutOfTheWindow() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.recordFailure(key);
        }

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(throttle.recent(key)).isZero();
    }

    @Test
    void countsEachEmailAndAddressPairOnItsOwn() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.recordFailure(key);
        }

        assertThat(throttle.recent(LoginThrottle.key("admin@example.test", "10.0.0.2")))
                .isZero();
        assertThat(throttle.recent(LoginThrottle.key("other@example.test", "10.0.0.1")))
                .isZero();
        assertThat(throttle.recent(LoginThrottle.key("ADMIN@example.test", "10.0.0.1")))
                .as("emails compare without case")
                .isEqualTo(5);
    }

    static final class SteppingClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration step) {
            now = now.plus(step);
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
