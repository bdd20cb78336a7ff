package dev.tollgate.admin.alert;

import dev.tollgate.model.route.SealedSecret;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class WebhookRepository {

    private static final String COLUMNS = "tenant_id, url, enabled, secret_key_id, secret_nonce, secret_ciphertext,"
            + " secret_last4, created_at, updated_at";

    private final DatabaseClient database;

    WebhookRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<StoredWebhook> find(UUID tenantId) {
        return database.sql("select " + COLUMNS + " from tenant_webhook where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .map(WebhookRepository::stored)
                .one();
    }

    /** Locks the row for the rest of the transaction, so concurrent changes are audited in order. */
    Mono<StoredWebhook> findForUpdate(UUID tenantId) {
        return database.sql("select " + COLUMNS + " from tenant_webhook where tenant_id = :tenant for update")
                .bind("tenant", tenantId)
                .map(WebhookRepository::stored)
                .one();
    }

    Mono<StoredWebhook> insert(UUID tenantId, String url, boolean enabled, SealedSecret secret) {
        return database.sql("""
                        insert into tenant_webhook (tenant_id, url, enabled, secret_key_id, secret_nonce,
                            secret_ciphertext, secret_last4)
                        values (:tenant, :url, :enabled, :kid, :nonce, :ciphertext, :last4)
                        returning\s""" + COLUMNS)
                .bind("tenant", tenantId)
                .bind("url", url)
                .bind("enabled", enabled)
                .bind("kid", secret.keyId())
                .bind("nonce", secret.nonce())
                .bind("ciphertext", secret.ciphertext())
                .bind("last4", secret.last4())
                .map(WebhookRepository::stored)
                .one();
    }

    Mono<StoredWebhook> update(UUID tenantId, String url, boolean enabled) {
        return database.sql("update tenant_webhook set url = :url, enabled = :enabled, updated_at = now()"
                        + " where tenant_id = :tenant returning " + COLUMNS)
                .bind("tenant", tenantId)
                .bind("url", url)
                .bind("enabled", enabled)
                .map(WebhookRepository::stored)
                .one();
    }

    Mono<StoredWebhook> updateSecret(UUID tenantId, SealedSecret secret) {
        return database.sql("""
                        update tenant_webhook set secret_key_id = :kid, secret_nonce = :nonce,
                            secret_ciphertext = :ciphertext, secret_last4 = :last4, updated_at = now()
                        where tenant_id = :tenant returning\s""" + COLUMNS)
                .bind("tenant", tenantId)
                .bind("kid", secret.keyId())
                .bind("nonce", secret.nonce())
                .bind("ciphertext", secret.ciphertext())
                .bind("last4", secret.last4())
                .map(WebhookRepository::stored)
                .one();
    }

    /** Every webhook, locked until the re-sealing transaction ends. */
    Flux<StoredWebhook> findAllForUpdate() {
        return database.sql("select " + COLUMNS + " from tenant_webhook order by tenant_id for update")
                .map(WebhookRepository::stored)
                .all();
    }

    Mono<Void> delete(UUID tenantId) {
        return database.sql("delete from tenant_webhook where tenant_id = :tenant")
                .bind("tenant", tenantId)
                .then();
    }

    private static StoredWebhook stored(Readable row) {
        return new StoredWebhook(
                row.get("tenant_id", UUID.class),
                row.get("url", String.class),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                new SealedSecret(
                        row.get("secret_key_id", String.class),
                        row.get("secret_nonce", String.class),
                        row.get("secret_ciphertext", String.class),
                        row.get("secret_last4", String.class)),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    /** A webhook row with its sealed secret; stays inside this package. */
    record StoredWebhook(
            UUID tenantId, String url, boolean enabled, SealedSecret secret, Instant createdAt, Instant updatedAt) {

        WebhookView view() {
            return new WebhookView(tenantId, true, url, enabled, createdAt, updatedAt);
        }
    }
}
