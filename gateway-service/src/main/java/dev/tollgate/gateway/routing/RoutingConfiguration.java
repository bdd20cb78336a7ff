package dev.tollgate.gateway.routing;

import dev.tollgate.model.route.SecretSealer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sealer that opens published provider credentials. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    SecretSealer secretSealer(RoutingProperties properties) {
        return new SecretSealer(properties.masterKeyId(), properties.masterKeys());
    }
}
