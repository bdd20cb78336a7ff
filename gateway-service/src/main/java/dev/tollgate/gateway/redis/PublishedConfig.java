package dev.tollgate.gateway.redis;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.config.ConfigChange;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON documents the control plane publishes (see {@link dev.tollgate.model.config.ConfigKeys}). The mapper
 * is tolerant, as for any data another service writes: unknown fields are ignored and numbers may arrive as strings.
 */
@Component
public final class PublishedConfig {

    /**
     * The change kinds that purge cached answers ({@code cache}: id a tenant id; {@code cache-route}: id a public
     * model name). They live here, beside the relay, so every cache of published configuration can ignore them
     * without depending on the response cache.
     */
    public static final String CACHE_PURGE = ConfigChange.CACHE_PURGE;

    /** See {@link #CACHE_PURGE}. */
    public static final String CACHE_ROUTE_PURGE = ConfigChange.CACHE_ROUTE_PURGE;

    private static final Logger log = LoggerFactory.getLogger(PublishedConfig.class);

    private final BlockingRedis redis;
    private final JsonMapper json = JsonMapper.builder().build();

    PublishedConfig(BlockingRedis redis) {
        this.redis = redis;
    }

    /** The document at {@code key}; empty when none is published, an error when Redis fails or it is malformed. */
    public <T> Mono<T> document(String key, Class<T> type) {
        return redis.get(key).map(document -> parse(key, document, type));
    }

    /** The members of a published set. */
    public Mono<Set<String>> members(String key) {
        return redis.members(key);
    }

    private <T> T parse(String key, String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JacksonException malformed) {
            // The document names a key hash at most; the message never contains its content.
            log.error("published {} at {} is malformed: {}", type.getSimpleName(), key, malformed.getOriginalMessage());
            throw GatewayException.upstream(
                    ErrorCode.CONFIG_UNAVAILABLE,
                    "The gateway's configuration is invalid; please retry shortly.",
                    null);
        }
    }
}
