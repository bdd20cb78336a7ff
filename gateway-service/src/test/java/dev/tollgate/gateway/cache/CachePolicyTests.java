package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.cache.CachePolicy.Mode;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.route.CacheSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class CachePolicyTests {

    static final CacheProperties DEFAULTS =
            new CacheProperties(true, true, false, Duration.ofHours(1), Duration.ofHours(24));
    static final SettingsInForce DETERMINISTIC =
            new SettingsInForce(CacheSettings.DETERMINISTIC, Duration.ofHours(1), false, false, 0.92);

    @Test
    void cachesAZeroTemperatureByDefaultAndNothingElse() {
        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(0.0), DETERMINISTIC))
                .isEqualTo(Mode.LOOKUP);
        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(0.7), DETERMINISTIC))
                .isEqualTo(Mode.BYPASS);
        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(null), DETERMINISTIC))
                .isEqualTo(Mode.BYPASS);
    }

    @Test
    void followsTheCallersHeader() {
        assertThat(CachePolicy.mode(DEFAULTS, headers("x-tollgate-cache", "on"), request(1.0), DETERMINISTIC))
                .isEqualTo(Mode.LOOKUP);
        assertThat(CachePolicy.mode(DEFAULTS, headers("x-tollgate-cache", "OFF"), request(0.0), DETERMINISTIC))
                .isEqualTo(Mode.BYPASS);
        assertThat(CachePolicy.mode(DEFAULTS, headers("x-tollgate-cache", "refresh"), request(0.0), DETERMINISTIC))
                .isEqualTo(Mode.REFRESH);
    }

    @Test
    void cachesNothingWhenDisabled() {
        var disabled = new CacheProperties(false, true, false, Duration.ofHours(1), Duration.ofHours(24));

        assertThat(CachePolicy.mode(disabled, headers("x-tollgate-cache", "on"), request(0.0), DETERMINISTIC))
                .isEqualTo(Mode.BYPASS);
    }

    @Test
    void capsTheCallersTtlAndIgnoresNonsense() {
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "60"), DETERMINISTIC))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "999999"), DETERMINISTIC))
                .isEqualTo(Duration.ofHours(24));
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "-5"), DETERMINISTIC))
                .isEqualTo(Duration.ofHours(1));
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "0"), DETERMINISTIC))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void followsTheModeInForceWhenTheCallerSaysNothing() {
        var always = new SettingsInForce(CacheSettings.ALWAYS, Duration.ofHours(1), false, false, 0.92);
        var off = new SettingsInForce(CacheSettings.OFF, Duration.ofHours(1), false, false, 0.92);

        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(0.9), always))
                .isEqualTo(Mode.LOOKUP);
        assertThat(CachePolicy.mode(DEFAULTS, new HttpHeaders(), request(0.0), off))
                .isEqualTo(Mode.BYPASS);
        assertThat(CachePolicy.mode(DEFAULTS, headers("x-tollgate-cache", "on"), request(0.9), off))
                .isEqualTo(Mode.LOOKUP);
    }

    @Test
    void keepsAnswersForTheTtlInForceUnlessTheCallerSays() {
        var tenMinutes = new SettingsInForce(CacheSettings.ALWAYS, Duration.ofMinutes(10), false, false, 0.92);

        assertThat(CachePolicy.ttl(DEFAULTS, new HttpHeaders(), tenMinutes)).isEqualTo(Duration.ofMinutes(10));
        assertThat(CachePolicy.ttl(DEFAULTS, headers("x-tollgate-cache-ttl", "30"), tenMinutes))
                .isEqualTo(Duration.ofSeconds(30));
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
