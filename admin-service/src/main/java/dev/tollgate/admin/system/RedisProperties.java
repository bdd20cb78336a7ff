package dev.tollgate.admin.system;

import java.net.URI;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Redis that the admin service publishes configuration to listens, bound from {@code tollgate.redis}.
 *
 * <p>Named {@code tollgate.redis} rather than Boot's {@code spring.data.redis} because the services talk to Redis
 * through Jedis directly, not through Spring Data Redis.
 *
 * @param uri Redis URI such as {@code redis://127.0.0.1:6379}; {@code rediss://} selects TLS, and credentials may sit
 *     in the user-info part, so this value is never logged
 */
@ConfigurationProperties("tollgate.redis")
public record RedisProperties(
        @DefaultValue("redis://127.0.0.1:6379") URI uri) {

    private static final Set<String> SCHEMES = Set.of("redis", "rediss");

    public RedisProperties {
        // Checked at startup so a typo fails the boot with the property's name instead of the first Redis call.
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "tollgate.redis.uri must look like redis://host:port or rediss://host:port");
        }
    }

    @Override
    public String toString() {
        // The user-info part may hold a password; keep it out of logs and actuator output.
        return "RedisProperties[uri=" + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + "]";
    }
}
