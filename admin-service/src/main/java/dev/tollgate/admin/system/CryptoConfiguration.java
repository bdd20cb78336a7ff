package dev.tollgate.admin.system;

import dev.tollgate.model.key.KeyHasher;
import dev.tollgate.model.route.SecretSealer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared-model crypto, keyed from the environment: one hasher for virtual keys, one sealer for credentials. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    @Bean
    KeyHasher keyHasher(CryptoProperties properties) {
        return new KeyHasher(String.valueOf(properties.keyHashSecret()));
    }

    @Bean
    SecretSealer secretSealer(CryptoProperties properties) {
        return new SecretSealer(properties.masterKeyId(), properties.masterKeys());
    }
}
