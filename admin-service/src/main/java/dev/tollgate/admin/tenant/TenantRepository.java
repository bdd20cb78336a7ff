package dev.tollgate.admin.tenant;

import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class TenantRepository {

    private static final String COLUMNS =
            "id, name, slug, cost_center, contact, status, rpm_limit, tpm_limit, created_at";
    private static final String FILTER = "(:only::uuid is null or id = :only)"
            + " and (:pattern::text is null or name ilike :pattern or slug ilike :pattern)";

    private final DatabaseClient database;

    TenantRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<TenantView> insert(TenantForm form) {
        return database.sql("insert into tenant (name, slug, cost_center, contact, rpm_limit, tpm_limit)"
                        + " values (:name, :slug, :cost, :contact, :rpm, :tpm)"
                        + " returning " + COLUMNS)
                .bind("name", String.valueOf(form.name()).strip())
                .bind("slug", String.valueOf(form.slug()))
                .bind("cost", Sql.nullable(form.costCenter(), String.class))
                .bind("contact", Sql.nullable(form.contact(), String.class))
                .bind("rpm", Sql.nullable(form.rpmLimit(), Integer.class))
                .bind("tpm", Sql.nullable(form.tpmLimit(), Integer.class))
                .map(TenantRepository::view)
                .one();
    }

    /** Locks the row for the rest of the transaction, so concurrent status changes are audited in order. */
    Mono<TenantView> findForUpdate(UUID id) {
        return database.sql("select " + COLUMNS + " from tenant where id = :id for update")
                .bind("id", id)
                .map(TenantRepository::view)
                .one();
    }

    Mono<TenantView> find(UUID id) {
        return database.sql("select " + COLUMNS + " from tenant where id = :id")
                .bind("id", id)
                .map(TenantRepository::view)
                .one();
    }

    Mono<UUID> findBySlug(String slug) {
        return database.sql("select id from tenant where slug = :slug")
                .bind("slug", slug)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Mono<TenantView> updateStatus(UUID id, String status) {
        return database.sql(
                        "update tenant set status = :status, updated_at = now() where id = :id returning " + COLUMNS)
                .bind("id", id)
                .bind("status", status)
                .map(TenantRepository::view)
                .one();
    }

    Mono<TenantView> updateLimits(UUID id, TenantLimits limits) {
        return database.sql("update tenant set rpm_limit = :rpm, tpm_limit = :tpm, updated_at = now() where id = :id"
                        + " returning " + COLUMNS)
                .bind("id", id)
                .bind("rpm", Sql.nullable(limits.rpmLimit(), Integer.class))
                .bind("tpm", Sql.nullable(limits.tpmLimit(), Integer.class))
                .map(TenantRepository::view)
                .one();
    }

    /**
     * A page of tenants, or of just {@code only} for a tenant-scoped caller, optionally those whose name or slug
     * contains {@code query}.
     */
    Flux<TenantView> page(@Nullable UUID only, @Nullable String query, Paging paging) {
        return database.sql("select " + COLUMNS + " from tenant where " + FILTER
                        + " order by created_at desc, id limit :limit offset :offset")
                .bind("only", Sql.nullable(only, UUID.class))
                .bind("pattern", Sql.nullable(pattern(query), String.class))
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(TenantRepository::view)
                .all();
    }

    Mono<Long> count(@Nullable UUID only, @Nullable String query) {
        return database.sql("select count(*) from tenant where " + FILTER)
                .bind("only", Sql.nullable(only, UUID.class))
                .bind("pattern", Sql.nullable(pattern(query), String.class))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** A {@code like} pattern matching {@code query} anywhere, its own wildcards taken literally. */
    private static @Nullable String pattern(@Nullable String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String literal = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }

    private static TenantView view(Readable row) {
        return new TenantView(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("slug", String.class),
                row.get("cost_center", String.class),
                row.get("contact", String.class),
                row.get("status", String.class),
                row.get("rpm_limit", Integer.class),
                row.get("tpm_limit", Integer.class),
                row.get("created_at", Instant.class));
    }
}
