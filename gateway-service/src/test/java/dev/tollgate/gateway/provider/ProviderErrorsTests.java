package dev.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

class ProviderErrorsTests {

    static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void prefersRetryAfterMsAndRoundsItUpToWholeSeconds() {
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after-ms", "1750", "retry-after", "9"), NOW))
                .isEqualTo("2");
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after-ms", "20"), NOW))
                .isEqualTo("1");
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after-ms", "0"), NOW))
                .isEqualTo("0");
    }

    @Test
    void roundsFractionalRetryAfterSecondsUp() {
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after", "11.122"), NOW))
                .isEqualTo("12");
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after", "30"), NOW))
                .isEqualTo("30");
    }

    @Test
    void turnsAnHttpDateIntoTheSecondsLeftUntilIt() {
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after", "Wed, 02 Dec 2026 10:00:07 GMT"), NOW))
                .isEqualTo("7");
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after", "Wed, 02 Dec 2026 09:59:00 GMT"), NOW))
                .isEqualTo("0");
    }

    @Test
    void ignoresAdviceThatDoesNotParse() {
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after", "soon"), NOW))
                .isNull();
        assertThat(ProviderErrors.retryAfterSeconds(headers("retry-after-ms", "-5"), NOW))
                .isNull();
        assertThat(ProviderErrors.retryAfterSeconds(new HttpHeaders(), NOW)).isNull();
    }

    @Test
    void answersARateLimitWithTheNormalisedRetryAfter() {
        GatewayException error = ProviderErrors.fromStatus(
                "azure-openai",
                HttpStatusCode.valueOf(429),
                headers("retry-after-ms", "1750"),
                "{\"error\":{\"code\":\"429\",\"message\":\"Rate limit is exceeded. Try again in 2 seconds.\"}}");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_RATE_LIMITED);
        assertThat(error.headers()).containsEntry(HttpHeaders.RETRY_AFTER, "2");
    }

    @Test
    void relaysAzuresContentFilterCodeSoFallbacksCanSeeIt() {
        GatewayException error = ProviderErrors.fromStatus(
                "azure-openai",
                HttpStatusCode.valueOf(400),
                new HttpHeaders(),
                "{\"error\":{\"message\":\"The response was filtered\",\"type\":null,\"param\":\"prompt\","
                        + "\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}");

        assertThat(error.code()).isEqualTo(ErrorCode.UPSTREAM_REJECTED);
        assertThat(error.relayed())
                .isEqualTo(new GatewayException.Relayed("invalid_request_error", "content_filter", "prompt"));
    }

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
