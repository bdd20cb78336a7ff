package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.cache.CachePolicy.Mode;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CachePolicyTests {

    static final CacheProperties DEFAULTS =
            new CacheProperties(true, true, false, Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void cachesAZeroTemperatureByDefaultAndNothingElse() {
        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(0.0))).isEqualTo(Mode.LOOKUP);
        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(0.7))).isEqualTo(Mode.BYPASS);
        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(null))).isEqualTo(Mode.BYPASS);
    }

    @Test
    void followsTheCallersHeader() {
        assertThat(CachePolicy.mode(DEFAULTS, headers("x-tollgate-cache", "on"), request(1.0)))
                .isEqualTo(Mode.LOOKUP);
        assertThat(CachePolicy.mode(DEFAULTS, headers("x-tollgate-cache", "OFF"), request(0.0)))
                .isEqualTo(Mode.BYPASS);
        assertThat(CachePolicy.mode(DEFAULTS, headers("x-tollgate-cache", "refresh"), request(0.0)))
                .isEqualTo(Mode.REFRESH);
    }

    @Test
    void cachesNothingWhenDisabled() {
        var disabled = new CacheProperties(false, true, false, Duration.ofHours(1), Duration.ofHours(24));

        assertThat(CachePolicy.mode(disabled, headers("x-tollgate-cache", "on"), request(0.0)))
                .isEqualTo(Mode.BYPASS);
    }

    @Test
    void capsTheCallersTtlAndIgnoresNonsense() {
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "60")))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "999999")))
                .isEqualTo(Duration.ofHours(24));
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "-5")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "0")))
                .isEqualTo(Duration.ofHours(1));
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(name, value);
        return headers;
    }

    private static ChatCompletionRequest request(Double temperature) {
        return new ChatCompletionRequest(
                "m",
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                temperature,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of());
    }
}
