package dev.tollgate.admin.guardrail;

import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.guardrail.GuardrailRule;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Guardrail policies; their rules are JSON columns. */
@Repository
class PolicyRepository {

    private static final String COLUMNS = "id, name, scope, scope_id, tenant_id, input, output, reversible, enabled,"
            + " created_by, created_at, updated_at";
    private static final TypeReference<List<GuardrailRule>> RULES = new TypeReference<>() {};

    private final DatabaseClient database;
    private final JsonMapper json;

    PolicyRepository(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<PolicyView> insert(CheckedPolicy policy, @Nullable UUID tenantId, String createdBy) {
        return database.sql("""
                        insert into guardrail_policy (name, scope, scope_id, tenant_id, input, output, reversible,
                                                      enabled, created_by)
                        values (:name, :scope, :scope_id, :tenant, :input, :output, :reversible, :enabled, :by)
                        returning\s""" + COLUMNS)
                .bind("name", policy.name())
                .bind("scope", policy.scope())
                .bind("scope_id", policy.scopeId())
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .bind("input", jsonOf(policy.input()))
                .bind("output", jsonOf(policy.output()))
                .bind("reversible", policy.reversible())
                .bind("enabled", policy.enabled())
                .bind("by", createdBy)
                .map(this::view)
                .one();
    }

    Mono<PolicyView> update(UUID id, CheckedPolicy policy) {
        return database.sql("""
                        update guardrail_policy set name = :name, input = :input, output = :output,
                            reversible = :reversible, enabled = :enabled, updated_at = now()
                        where id = :id returning\s""" + COLUMNS)
                .bind("id", id)
                .bind("name", policy.name())
                .bind("input", jsonOf(policy.input()))
                .bind("output", jsonOf(policy.output()))
                .bind("reversible", policy.reversible())
                .bind("enabled", policy.enabled())
                .map(this::view)
                .one();
    }

    Mono<PolicyView> enable(UUID id, boolean enabled) {
        return database.sql("update guardrail_policy set enabled = :enabled, updated_at = now() where id = :id"
                        + " returning " + COLUMNS)
                .bind("id", id)
                .bind("enabled", enabled)
                .map(this::view)
                .one();
    }

    Mono<Void> delete(UUID id) {
        return database.sql("delete from guardrail_policy where id = :id")
                .bind("id", id)
                .then();
    }

    Mono<PolicyView> find(UUID id) {
        return database.sql("select " + COLUMNS + " from guardrail_policy where id = :id")
                .bind("id", id)
                .map(this::view)
                .one();
    }

    /** Locks the row for the rest of the transaction, so concurrent changes are audited in order. */
    Mono<PolicyView> findForUpdate(UUID id) {
        return database.sql("select " + COLUMNS + " from guardrail_policy where id = :id for update")
                .bind("id", id)
                .map(this::view)
                .one();
    }

    Flux<PolicyView> page(PolicyFilter filter, Paging paging) {
        return filter.bind(database.sql("select " + COLUMNS + " from guardrail_policy where " + PolicyFilter.SQL
                                + " order by scope, scope_id, name, id limit :limit offset :offset")
                        .bind("limit", paging.size())
                        .bind("offset", paging.offset()))
                .map(this::view)
                .all();
    }

    Mono<Long> count(PolicyFilter filter) {
        return filter.bind(database.sql("select count(*) from guardrail_policy where " + PolicyFilter.SQL))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    /** The tenant a virtual key belongs to; empty when there is no such key. */
    Mono<UUID> tenantOfKey(UUID keyId) {
        return database.sql("select tenant_id from virtual_key where id = :id")
                .bind("id", keyId)
                .map(row -> row.get(0, UUID.class))
                .one();
    }

    Mono<Boolean> routeExists(String model) {
        return database.sql("select exists (select 1 from model_route where name = :name)")
                .bind("name", model)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one();
    }

    private Json jsonOf(List<GuardrailRule> rules) {
        return Json.of(json.writeValueAsString(rules));
    }

    private PolicyView view(Readable row) {
        return new PolicyView(
                row.get("id", UUID.class),
                String.valueOf(row.get("name", String.class)),
                String.valueOf(row.get("scope", String.class)),
                String.valueOf(row.get("scope_id", String.class)),
                row.get("tenant_id", UUID.class),
                rules(row, "input"),
                rules(row, "output"),
                Boolean.TRUE.equals(row.get("reversible", Boolean.class)),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                String.valueOf(row.get("created_by", String.class)),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private List<GuardrailRule> rules(Readable row, String column) {
        Json value = row.get(column, Json.class);
        return value == null ? List.of() : json.readValue(value.asString(), RULES);
    }

    /**
     * Which policies a list shows.
     *
     * @param visibleTo only this tenant's (a scoped caller); every policy when {@code null}
     * @param tenantId only the policies of this tenant and its keys
     * @param scope only this scope's
     * @param scopeId only this scope id's
     */
    record PolicyFilter(
            @Nullable UUID visibleTo,
            @Nullable UUID tenantId,
            @Nullable String scope,
            @Nullable String scopeId) {

        static final String SQL = "(:visible::uuid is null or tenant_id = :visible)"
                + " and (:tenant::uuid is null or tenant_id = :tenant)"
                + " and (:scope::text is null or scope = :scope) and (:scope_id::text is null or scope_id = :scope_id)";

        DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
            return spec.bind("visible", Sql.nullable(visibleTo, UUID.class))
                    .bind("tenant", Sql.nullable(tenantId, UUID.class))
                    .bind("scope", Sql.nullable(scope, String.class))
                    .bind("scope_id", Sql.nullable(scopeId, String.class));
        }
    }
}
