package dev.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.route.CacheSettings;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsInForceTests {

    static final SettingsInForce.Defaults GATEWAY =
            new SettingsInForce.Defaults(CacheSettings.DETERMINISTIC, Duration.ofHours(1), false, false, 0.92);

    @Test
    void takesTheGatewaysSettingsWhenNeitherRouteNorKeySetsAny() {
        var settings = SettingsInForce.of(GATEWAY, null, new CacheSettings(null, null, null, null, null));

        assertThat(settings)
                .isEqualTo(new SettingsInForce(CacheSettings.DETERMINISTIC, Duration.ofHours(1), false, false, 0.92));
    }

    @Test
    void takesTheRoutesSettingsOverTheGateways() {
        var route = new CacheSettings(CacheSettings.ALWAYS, 600, true, true, new BigDecimal("0.85"));

        var settings = SettingsInForce.of(GATEWAY, route, null);

        assertThat(settings)
                .isEqualTo(new SettingsInForce(CacheSettings.ALWAYS, Duration.ofMinutes(10), true, true, 0.85));
    }

    @Test
    void takesTheKeysSettingsOverTheRoutesFieldByField() {
        var route = new CacheSettings(CacheSettings.ALWAYS, 600, true, true, new BigDecimal("0.85"));
        var key = new CacheSettings(CacheSettings.OFF, null, false, null, new BigDecimal("0.97"));

        var settings = SettingsInForce.of(GATEWAY, route, key);

        assertThat(settings)
                .isEqualTo(new SettingsInForce(CacheSettings.OFF, Duration.ofMinutes(10), false, true, 0.97));
    }

    @Test
    void skipsUnusableValuesForTheNextLevels() {
        var route = new CacheSettings("sometimes", -5, null, null, new BigDecimal("1.5"));
        var key = new CacheSettings(null, 0, null, null, new BigDecimal("-0.1"));

        var settings = SettingsInForce.of(GATEWAY, route, key);

        assertThat(settings)
                .isEqualTo(new SettingsInForce(CacheSettings.DETERMINISTIC, Duration.ofHours(1), false, false, 0.92));
    }
}
