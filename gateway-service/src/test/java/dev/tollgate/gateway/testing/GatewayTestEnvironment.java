package dev.tollgate.gateway.testing;

import dev.tollgate.testsupport.TestInfrastructure;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Gives every gateway test context the real test Redis and the secrets {@link ControlPlane} publishes with, so test
 * classes need no boilerplate. A test's own {@code properties} or {@code @DynamicPropertySource} still win.
 */
public final class GatewayTestEnvironment implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static String temporarySpool() {
        try {
            return java.nio.file.Files.createTempDirectory("tollgate-spool-").toString();
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    /** A record, so every context gets an equal customizer and Spring's context cache keeps working. */
    private record Customizer() implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            MapPropertySource test = new MapPropertySource(
                    "tollgateTestEnvironment",
                    Map.of(
                            "tollgate.redis.uri", TestInfrastructure.redisUri(),
                            "tollgate.auth.key-hash-secret", ControlPlane.KEY_HASH_SECRET,
                            "tollgate.routing.master-key", ControlPlane.MASTER_KEY,
                            "tollgate.routing.master-key-id", ControlPlane.MASTER_KEY_ID,
                            // A spool of each context's own: contexts and concurrent builds never share the file.
                            "tollgate.usage.spool-directory", temporarySpool()));
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
            if (sources.contains(inlined)) {
                sources.addAfter(inlined, test);
            } else {
                sources.addFirst(test);
            }
        }
    }
}
