package dev.tollgate.admin.publish;

import dev.tollgate.admin.access.ConsoleTokenProperties;
import dev.tollgate.admin.access.ConsoleTokenSigner;
import dev.tollgate.model.access.AccessKeys;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import redis.clients.jedis.params.SetParams;

/**
 * Keeps this instance's public console-token key in Redis at {@code tollgate:console:jwk:{kid}}, renewing its TTL every
 * {@code jwk-refresh}. When the instance stops, the key simply expires: tokens it signed are at most {@code lifetime}
 * old by then, and {@code jwk-ttl} is longer than that.
 */
@Component
class ConsoleJwkPublisher {

    private static final Logger log = LoggerFactory.getLogger(ConsoleJwkPublisher.class);

    private final ConsoleTokenSigner signer;
    private final ConsoleTokenProperties properties;
    private final BlockingRedis redis;
    private @Nullable Disposable schedule;

    ConsoleJwkPublisher(ConsoleTokenSigner signer, ConsoleTokenProperties properties, BlockingRedis redis) {
        this.signer = signer;
        this.properties = properties;
        this.redis = redis;
    }

    /** Writes the public key with a fresh TTL. */
    Mono<Void> publish() {
        String key = AccessKeys.consoleJwk(signer.keyId());
        SetParams ttl = new SetParams().px(properties.jwkTtl().toMillis());
        return redis.call(jedis -> jedis.set(key, signer.publicJwk(), ttl)).then();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Flux.interval(Duration.ZERO, properties.jwkRefresh())
                .onBackpressureDrop()
                .concatMap(tick -> publishQuietly(), 1)
                .subscribe();
    }

    private Mono<Void> publishQuietly() {
        return publish().onErrorResume(failure -> {
            log.warn(
                    "Publishing the console signing key failed; retrying in {}: {}",
                    properties.jwkRefresh(),
                    failure.toString());
            return Mono.empty();
        });
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
