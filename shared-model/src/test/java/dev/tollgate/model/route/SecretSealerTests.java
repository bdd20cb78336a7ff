package dev.tollgate.model.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSealerTests {

    static final String KEY_1 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String KEY_2 = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void opensWhatItSealedAndShowsOnlyTheLastFourCharacters() {
        SecretSealer sealer = new SecretSealer("k1", Map.of("k1", KEY_1));

        SealedSecret sealed = sealer.seal("sk-provider-secret-7890");

        assertThat(sealer.open(sealed)).isEqualTo("sk-provider-secret-7890");
        assertThat(sealed.last4()).isEqualTo("7890");
        assertThat(sealed.ciphertext()).doesNotContain("provider");
        assertThat(sealed.toString()).doesNotContain(sealed.ciphertext());
    }

    @Test
    void neverSealsTheSameSecretToTheSameCiphertext() {
        SecretSealer sealer = new SecretSealer("k1", Map.of("k1", KEY_1));

        assertThat(sealer.seal("same").ciphertext())
                .isNotEqualTo(sealer.seal("same").ciphertext());
    }

    @Test
    void refusesATamperedCiphertext() {
        SecretSealer sealer = new SecretSealer("k1", Map.of("k1", KEY_1));
        SealedSecret sealed = sealer.seal("secret-value");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[0] ^= 1;

        SealedSecret tampered =
                new SealedSecret("k1", sealed.nonce(), Base64.getEncoder().encodeToString(bytes), "alue");

        assertThatThrownBy(() -> sealer.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void opensSecretsSealedUnderAnOlderKeyDuringRotation() {
        SealedSecret old = new SecretSealer("k1", Map.of("k1", KEY_1)).seal("rotated");
        SecretSealer rotated = new SecretSealer("k2", Map.of("k1", KEY_1, "k2", KEY_2));

        assertThat(rotated.open(old)).isEqualTo("rotated");
        assertThat(rotated.needsResealing(old)).isTrue();
        assertThat(rotated.needsResealing(rotated.seal("new"))).isFalse();
    }

    @Test
    void bindsTheKeyIdSoASecretCannotBeRelabelled() {
        SecretSealer both = new SecretSealer("k1", Map.of("k1", KEY_1, "k2", KEY_1));
        SealedSecret sealed = both.seal("bound");

        SealedSecret relabelled = new SealedSecret("k2", sealed.nonce(), sealed.ciphertext(), sealed.last4());

        assertThatThrownBy(() -> both.open(relabelled)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsAMasterKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new SecretSealer("k1", Map.of("k1", "c2hvcnQ=")))
                .hasMessageContaining("32 bytes");
    }
}
