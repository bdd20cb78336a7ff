package dev.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoutingPropertiesTests {

    @Test
    void readsPreviousMasterKeysBesideTheCurrentOne() {
        RoutingProperties properties = properties("k2", "k1:AAAA, k0:BBBB");

        assertThat(properties.masterKeys())
                .containsEntry("k2", "CURRENT")
                .containsEntry("k1", "AAAA")
                .containsEntry("k0", "BBBB");
        assertThat(properties.toString()).doesNotContain("CURRENT");
    }

    @Test
    void refusesAPreviousKeyWithoutId() {
        assertThatThrownBy(() -> properties("k2", "AAAA").masterKeys()).hasMessageContaining("id:base64");
    }

    static RoutingProperties properties(String id, String previous) {
        return new RoutingProperties(
                "CURRENT",
                id,
                previous,
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                new RoutingProperties.Retry(2, Duration.ofMillis(250), Duration.ofSeconds(4)),
                new RoutingProperties.Health(
                        20, 5, 50, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(5), 0.2));
    }
}
