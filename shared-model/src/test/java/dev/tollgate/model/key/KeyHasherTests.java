package dev.tollgate.model.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHasherTests {

    @Test
    void hashesDeterministicallyUnderTheSameServerSecretOnly() {
        KeyHasher hasher = new KeyHasher("a-server-secret-of-at-least-32-bytes!");
        KeyHasher other = new KeyHasher("another-server-secret-of-32-bytes!!!");

        assertThat(hasher.hash("sk-abc")).isEqualTo(hasher.hash("sk-abc")).hasSize(64);
        assertThat(hasher.hash("sk-abc")).isNotEqualTo(other.hash("sk-abc"));
    }

    @Test
    void refusesAShortServerSecret() {
        assertThatThrownBy(() -> new KeyHasher("short")).hasMessageContaining("32 bytes");
    }

    @Test
    void aPrincipalIsUsableOnlyWhileActiveUnexpiredAndWithinItsGracePeriod() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        assertThat(principal("active", null, null).usableAt(now)).isTrue();
        assertThat(principal("revoked", null, null).usableAt(now)).isFalse();
        assertThat(principal("active", now, null).usableAt(now)).isFalse();
        assertThat(principal("active", null, now.plusSeconds(1)).usableAt(now)).isTrue();
        assertThat(principal("active", null, now).usableAt(now)).isFalse();
    }

    @Test
    void allowsOnlyItsModelsUnlessGivenTheWildcard() {
        assertThat(principal("active", null, null).allows("gpt-4o")).isTrue();
        assertThat(principal("active", null, null).allows("claude")).isFalse();
    }

    private static KeyPrincipal principal(String status, Instant expiresAt, Instant validUntil) {
        return new KeyPrincipal(
                "k1", "t1", "app", "sk-tg-ab", List.of("gpt-4o"), null, null, null, status, expiresAt, validUntil);
    }
}
