package dev.tollgate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class PresentedKeyTests {

    @Test
    void takesTheBearerTokenFirstThenApiKeyThenXApiKey() {
        assertThat(secretIn(headers("Authorization", "Bearer sk-a", "api-key", "sk-b")))
                .isEqualTo("sk-a");
        assertThat(secretIn(headers("api-key", "sk-b", "x-api-key", "sk-c"))).isEqualTo("sk-b");
        assertThat(secretIn(headers("x-api-key", " sk-c "))).isEqualTo("sk-c");
        assertThat(secretIn(headers("authorization", "BEARER sk-d"))).isEqualTo("sk-d");
    }

    @Test
    void findsNoKeyInOtherSchemesOrBlankHeaders() {
        assertThat(PresentedKey.in(headers("Authorization", "Basic dXNlcjpwYXNz")))
                .isEmpty();
        assertThat(PresentedKey.in(headers("Authorization", "Bearer   "))).isEmpty();
        assertThat(PresentedKey.in(headers("api-key", ""))).isEmpty();
        assertThat(PresentedKey.in(new HttpHeaders())).isEmpty();
    }

    @Test
    void showsAtMostAThirdOfTheSecretAndNeverMoreThanEightCharacters() {
        assertThat(new PresentedKey("sk-tg-0123456789abcdef0123456789").shownPrefix())
                .isEqualTo("sk-tg-01****");
        assertThat(new PresentedKey("sk-short").shownPrefix()).isEqualTo("sk****");
        assertThat(new PresentedKey("sk-tg-0123456789abcdef").toString()).doesNotContain("0123456789");
    }

    private static String secretIn(HttpHeaders headers) {
        return PresentedKey.in(headers).orElseThrow().secret();
    }

    private static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers = new HttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
