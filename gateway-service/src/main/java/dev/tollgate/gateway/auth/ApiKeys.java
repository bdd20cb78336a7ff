package dev.tollgate.gateway.auth;

import dev.tollgate.model.key.KeyHasher;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates callers by their virtual key. Every presented key is hashed and looked up the same way whether it
 * exists or not, and every refusal is the same 401, so answers reveal nothing about which keys exist. Fails closed:
 * when a key cannot be checked the request gets 503, never access.
 */
@Component
public final class ApiKeys {

    private final PublishedKeys keys;
    private final KeyHasher hasher;

    ApiKeys(PublishedKeys keys, AuthProperties properties) {
        this.keys = keys;
        this.hasher = new KeyHasher(properties.keyHashSecret());
        hasher.hash("warm-up"); // loads the JCE provider now, not on the first request's event loop
    }

    /** The caller the request's key belongs to, or a 401 {@code invalid_api_key} or 503 {@code config_unavailable}. */
    public Mono<Caller> authenticate(HttpHeaders headers) {
        return presented(headers).flatMap(this::lookUp);
    }

    private Mono<PresentedKey> presented(HttpHeaders headers) {
        return Mono.justOrEmpty(PresentedKey.in(headers)).switchIfEmpty(Mono.error(KeyRejections::missing));
    }

    private Mono<Caller> lookUp(PresentedKey key) {
        if (key.tooLong()) {
            return Mono.error(KeyRejections.invalid(key));
        }
        return keys.find(hasher.hash(key.secret())).map(entry -> admitted(entry, key));
    }

    private static Caller admitted(KeyEntry entry, PresentedKey key) {
        return entry.callerAt(Instant.now()).orElseThrow(() -> KeyRejections.invalid(key));
    }
}
