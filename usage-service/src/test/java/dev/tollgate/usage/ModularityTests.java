package dev.tollgate.usage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void featurePackagesOnlyUseEachOthersPublicTypes() {
        ApplicationModules.of(UsageApplication.class).verify();
    }
}
