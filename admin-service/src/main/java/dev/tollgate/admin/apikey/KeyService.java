package dev.tollgate.admin.apikey;

import dev.tollgate.admin.apikey.KeyRepository.Rotation;
import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import dev.tollgate.model.key.KeyHasher;
import dev.tollgate.model.route.SecretSealer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Issues, lists, rotates and revokes virtual keys. Secrets exist in plain only in the answer that shows them; Postgres
 * keeps their HMAC (and, for a retry-safe rotation, the new secret sealed until its window ends).
 */
@Service
public class KeyService {

    private static final String KEY = "key";
    /** A retry of a rotation is recognised for at least this long, even with a grace period of zero. */
    private static final Duration MIN_RETRY_WINDOW = Duration.ofMinutes(10);

    private final KeyRepository keys;
    private final TenantService tenants;
    private final KeyHasher hasher;
    private final SecretSealer sealer;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;
    private final KeyProperties properties;

    KeyService(
            KeyRepository keys,
            TenantService tenants,
            KeyHasher hasher,
            SecretSealer sealer,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction,
            KeyProperties properties) {
        this.keys = keys;
        this.tenants = tenants;
        this.hasher = hasher;
        this.sealer = sealer;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
        this.properties = properties;
    }

    /** Issues a key; the answer carries the secret, which is never shown again. */
    Mono<IssuedKey> create(Caller caller, Actor actor, UUID tenantId, KeyForm form) {
        caller.requireIn(tenantId, "tenant", Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        String secret = SecretGenerator.newSecret();
        return tenants.exists(tenantId)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")))
                .flatMap(exists -> keys.insert(tenantId, form, SecretGenerator.prefixOf(secret), actor.name()))
                .flatMap(key -> keys.insertSecret(key.id(), hasher.hash(secret)).thenReturn(key))
                .flatMap(key -> audited(actor, "key.create", null, key))
                .as(transaction::transactional)
                .flatMap(this::published)
                .map(key -> new IssuedKey(key, secret, null));
    }

    /** Issues a key on behalf of the service itself (demo seeding) and answers its secret. */
    public Mono<String> createForSystem(UUID tenantId, String name, List<String> models) {
        KeyForm form = new KeyForm(name, null, models, null, null, null, null, null);
        return create(Caller.system(), Actor.system(), tenantId, form).map(IssuedKey::secret);
    }

    Mono<PageView<KeyView>> list(Caller caller, UUID tenantId, Paging paging) {
        if (!caller.sees(tenantId)) {
            return Mono.error(AdminException.notFound("tenant"));
        }
        return tenants.exists(tenantId)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")))
                .flatMap(exists -> keys.page(tenantId, paging).collectList())
                .zipWith(keys.count(tenantId), (items, total) -> PageView.of(items, paging, total));
    }

    Mono<KeyView> revoke(Caller caller, Actor actor, UUID keyId) {
        return lockedKey(caller, keyId)
                .flatMap(before -> keys.revoke(keyId).flatMap(after -> audited(actor, "key.revoke", before, after)))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    /**
     * Gives the key a new secret; the old one works until the grace period ends. With an idempotency key, a retry
     * within the window answers with the same new secret instead of rotating again.
     */
    Mono<IssuedKey> rotate(Caller caller, Actor actor, UUID keyId, Duration grace, @Nullable String idempotencyKey) {
        return lockedKey(caller, keyId)
                .flatMap(key -> "revoked".equals(key.status())
                        ? Mono.error(AdminException.conflict("A revoked key cannot be rotated."))
                        : Mono.just(key))
                .flatMap(key -> earlierRotation(key, idempotencyKey)
                        .switchIfEmpty(Mono.defer(() -> newRotation(actor, key, grace, idempotencyKey))))
                .as(transaction::transactional)
                .flatMap(issued -> published(issued.key()).thenReturn(issued));
    }

    /** Replaces the key's response-cache settings; an empty form clears them. A revoked key is left alone (409). */
    Mono<KeyView> changeCache(Caller caller, Actor actor, UUID keyId, CacheForm form) {
        return lockedKey(caller, keyId)
                .flatMap(key -> "revoked".equals(key.status())
                        ? Mono.error(AdminException.conflict("A revoked key has no cache settings to change."))
                        : Mono.just(key))
                .flatMap(before -> keys.changeCache(keyId, form.settings())
                        .flatMap(after -> audited(actor, "key.cache", before, after)))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    /** The key, for a page that asks to confirm a change to it; 404 unless the caller sees its tenant. */
    Mono<KeyView> get(Caller caller, UUID keyId) {
        return keys.find(keyId)
                .filter(key -> caller.sees(key.tenantId()))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(KEY)));
    }

    /** How many keys are usable now among the tenants the caller sees. */
    public Mono<Long> countActive(Caller caller) {
        return keys.countActive(caller.tenantId());
    }

    Duration defaultGrace() {
        return properties.rotationGracePeriod();
    }

    private Mono<KeyView> lockedKey(Caller caller, UUID keyId) {
        return keys.findForUpdate(keyId)
                .filter(key -> caller.sees(key.tenantId()))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(KEY)))
                .doOnNext(key -> caller.require(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN));
    }

    private Mono<IssuedKey> earlierRotation(KeyView key, @Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            return Mono.empty();
        }
        return keys.findRotation(key.id(), idempotencyKey).map(rotation -> replay(key, rotation));
    }

    private IssuedKey replay(KeyView key, Rotation rotation) {
        return new IssuedKey(key, sealer.open(rotation.sealed()), rotation.expiresAt());
    }

    private Mono<IssuedKey> newRotation(Actor actor, KeyView key, Duration grace, @Nullable String idempotencyKey) {
        String secret = SecretGenerator.newSecret();
        Instant until = Instant.now().plus(grace);
        IssuedKey issued = new IssuedKey(key, secret, until);
        return keys.retireSecrets(key.id(), until)
                .then(keys.insertSecret(key.id(), hasher.hash(secret)))
                .then(remember(key.id(), idempotencyKey, secret, grace))
                .then(audit.record(actor, "key.rotate", KEY, key.id().toString(), null, rotated(key, until)))
                .thenReturn(issued);
    }

    private Mono<Void> remember(UUID keyId, @Nullable String idempotencyKey, String secret, Duration grace) {
        if (idempotencyKey == null) {
            return Mono.empty();
        }
        Duration window = grace.compareTo(MIN_RETRY_WINDOW) < 0 ? MIN_RETRY_WINDOW : grace;
        return keys.saveRotation(
                keyId, idempotencyKey, sealer.seal(secret), Instant.now().plus(window));
    }

    private static Map<String, Object> rotated(KeyView key, Instant until) {
        return Map.of("key", key, "previous_secret_valid_until", until.toString());
    }

    private Mono<KeyView> audited(Actor actor, String action, @Nullable KeyView before, KeyView after) {
        return audit.record(actor, action, KEY, after.id().toString(), before, after)
                .thenReturn(after);
    }

    private Mono<KeyView> published(KeyView key) {
        return publisher.keyChanged(key.id()).thenReturn(key);
    }
}
