package dev.tollgate.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimitHeadersTests {

    @Test
    void formatsResetsAsOpenAiDoes() {
        assertThat(RateLimitHeaders.duration(0)).isEqualTo("0s");
        assertThat(RateLimitHeaders.duration(20_000)).isEqualTo("20ms");
        assertThat(RateLimitHeaders.duration(1_000_000)).isEqualTo("1s");
        assertThat(RateLimitHeaders.duration(1_500_000)).isEqualTo("1.5s");
        assertThat(RateLimitHeaders.duration(360_000_000)).isEqualTo("6m0s");
        assertThat(RateLimitHeaders.duration(3_723_000_000L)).isEqualTo("1h2m3s");
    }
}
