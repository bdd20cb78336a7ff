package dev.tollgate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalLimiterTests {

    final LocalLimiter limiter = new LocalLimiter(1);

    @Test
    void admitsTheLimitAtOnceThenRefusesWithARetryTime() {
        Limits limits = new Limits(Limits.KEY, "k", 3, Limits.NONE);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.admit(List.of(limits), 10).getFirst().admitted()).isTrue();
        }
        Verdict refused = limiter.admit(List.of(limits), 10).getFirst();

        assertThat(refused.deniedBy()).isEqualTo(Verdict.Dimension.REQUESTS);
        assertThat(refused.retryAfterMicros()).isBetween(19_000_000L, 20_000_000L);
        assertThat(refused.requests().remaining()).isZero();
        assertThat(refused.tokens()).isNull();
    }

    @Test
    void letsTokensRunPastTheLimitByOneRequestAtMost() {
        Limits limits = new Limits(Limits.KEY, "k", Limits.NONE, 100);

        assertThat(limiter.admit(List.of(limits), 90).getFirst().admitted()).isTrue();
        assertThat(limiter.admit(List.of(limits), 90).getFirst().admitted()).isTrue();
        Verdict refused = limiter.admit(List.of(limits), 1).getFirst();

        assertThat(refused.deniedBy()).isEqualTo(Verdict.Dimension.TOKENS);
    }

    @Test
    void aTenantThatRefusesChargesNeitherTheKeyNorItself() {
        Limits key = new Limits(Limits.KEY, "k", 10, Limits.NONE);
        Limits tenant = new Limits(Limits.TENANT, "t", 1, Limits.NONE);

        assertThat(limiter.admit(List.of(key, tenant), 1)).allMatch(Verdict::admitted);
        List<Verdict> refused = limiter.admit(List.of(key, tenant), 1);

        assertThat(refused.get(0).admitted()).isTrue();
        assertThat(refused.get(1).deniedBy()).isEqualTo(Verdict.Dimension.REQUESTS);
        assertThat(refused.get(0).requests().remaining()).isEqualTo(9);
    }

    @Test
    void sharesALimitAmongInstancesButNeverBelowOne() {
        assertThat(new Limits(Limits.KEY, "k", 10, 1).share(4)).isEqualTo(new Limits(Limits.KEY, "k", 2, 1));
        assertThat(new Limits(Limits.KEY, "k", 0, Limits.NONE).share(4))
                .isEqualTo(new Limits(Limits.KEY, "k", 0, Limits.NONE));
    }
}
