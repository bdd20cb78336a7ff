package dev.tollgate.admin.publish;

import dev.tollgate.admin.system.Sql;
import dev.tollgate.model.guardrail.GuardrailPolicy;
import dev.tollgate.model.guardrail.GuardrailRule;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads enabled guardrail policies in their published form from Postgres; disabled ones never leave it. */
@Component
class GuardrailSnapshots {

    private static final TypeReference<List<GuardrailRule>> RULES = new TypeReference<>() {};

    private final DatabaseClient database;
    private final JsonMapper json;

    GuardrailSnapshots(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The enabled policies of one scope, or of every scope when both are {@code null}; ordered by scope, then name. */
    Flux<GuardrailPolicy> of(@Nullable String scope, @Nullable String scopeId) {
        return database.sql("""
                        select id, name, scope, scope_id, input, output, reversible from guardrail_policy
                        where enabled and (:scope::text is null or scope = :scope)
                          and (:id::text is null or scope_id = :id)
                        order by scope, scope_id, name, id
                        """)
                .bind("scope", Sql.nullable(scope, String.class))
                .bind("id", Sql.nullable(scopeId, String.class))
                .map(this::snapshot)
                .all();
    }

    private GuardrailPolicy snapshot(Readable row) {
        return new GuardrailPolicy(
                String.valueOf(row.get("id", java.util.UUID.class)),
                String.valueOf(row.get("name", String.class)),
                String.valueOf(row.get("scope", String.class)),
                String.valueOf(row.get("scope_id", String.class)),
                rules(row, "input"),
                rules(row, "output"),
                Boolean.TRUE.equals(row.get("reversible", Boolean.class)));
    }

    private List<GuardrailRule> rules(Readable row, String column) {
        Json value = row.get(column, Json.class);
        return value == null ? List.of() : json.readValue(value.asString(), RULES);
    }
}
