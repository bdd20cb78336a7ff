package dev.tollgate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalLimiterTests {

    final LocalLimiter limiter = new LocalLimiter();

    @Test
    void admitsTheLimitAtOnceThenRefusesWithARetryTime() {
        Limits limits = new Limits("k", 3, Limits.NONE);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit(limits, 10).admitted()).isTrue();
        }
        Verdict refused = limiter.admit(limits, 10);

        assertThat(refused.deniedBy()).isEqualTo(Verdict.Dimension.REQUESTS);
        assertThat(refused.retryAfterMicros()).isBetween(19_000_000L, 20_000_000L);
        assertThat(refused.requests().remaining()).isZero();
        assertThat(refused.tokens()).isNull();
        assertThat(refused.shared()).isFalse();
    }

    @Test
    void letsTokensRunPastTheLimitByOneRequestAtMost() {
        Limits limits = new Limits("k", Limits.NONE, 100);

        assertThat(limiter.admit(limits, 90).admitted()).isTrue();
        assertThat(limiter.admit(limits, 90).admitted()).isTrue();
        Verdict refused = limiter.admit(limits, 1);

        assertThat(refused.deniedBy()).isEqualTo(Verdict.Dimension.TOKENS);
    }

    @Test
    void sharesALimitAmongInstancesButNeverBelowOne() {
        assertThat(new Limits("k", 10, 1).share(4)).isEqualTo(new Limits("k", 2, 1));
        assertThat(new Limits("k", 0, Limits.NONE).share(4)).isEqualTo(new Limits("k", 0, Limits.NONE));
    }
}
