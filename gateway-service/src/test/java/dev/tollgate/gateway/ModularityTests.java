package dev.tollgate.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesOnlyUseEachOthersPublicTypes() {
        ApplicationModules.of(GatewayApplication.class).verify();
    }
}
