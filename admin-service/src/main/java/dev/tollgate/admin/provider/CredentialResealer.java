package dev.tollgate.admin.provider;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.provider.ProviderRepository.StoredCredential;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.model.route.SecretSealer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Step two of a master-key rotation: re-seals every provider credential under the current master key, in one
 * transaction, then republishes the routes that use them. The procedure is in {@code docs/master-key-rotation.md}.
 */
@Component
class CredentialResealer {

    private final ProviderRepository providers;
    private final SecretSealer sealer;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    CredentialResealer(
            ProviderRepository providers,
            SecretSealer sealer,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.providers = providers;
        this.sealer = sealer;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<ResealResult> reseal(Caller caller, Actor actor) {
        caller.require(Role.PLATFORM_ADMIN);
        return providers
                .credentialsForUpdate()
                .filter(stored -> sealer.needsResealing(stored.sealed()))
                .concatMap(this::resealOne)
                .collectList()
                .flatMap(resealed -> audited(actor, resealed))
                .as(transaction::transactional)
                .flatMap(resealed -> Flux.fromIterable(resealed)
                        .concatMap(publisher::providerChanged)
                        .then(Mono.just(new ResealResult(resealed.size()))));
    }

    private Mono<UUID> resealOne(StoredCredential stored) {
        return providers
                .updateCredential(stored.providerId(), sealer.seal(sealer.open(stored.sealed())))
                .thenReturn(stored.providerId());
    }

    private Mono<List<UUID>> audited(Actor actor, List<UUID> resealed) {
        return audit.record(actor, "credentials.reseal", "provider", "*", null, Map.of("resealed", resealed.size()))
                .thenReturn(resealed);
    }

    /** @param resealed how many credentials were sealed under an older key and now are under the current one */
    record ResealResult(int resealed) {}
}
