package dev.tollgate.gateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Tests {

    @Test
    void isVersionSevenWithTheTimestampInItsFirst48Bits() {
        long millis = 1_767_225_600_123L;

        UUID id = UuidV7.at(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void sortsByTime() {
        assertThat(UuidV7.at(1000).toString()).isLessThan(UuidV7.at(1001).toString());
    }
}
