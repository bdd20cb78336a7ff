package dev.tollgate.admin.audit;

import dev.tollgate.admin.system.Sql;
import io.r2dbc.postgresql.codec.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit rows. Called inside the change's own transaction, so a change and its audit row commit together or
 * not at all. Callers pass views without secrets; as a second line of defence, members named like secrets ({@code secret}, {@code *_api_key},
 * {@code *_password}, …) are replaced by {@value #ELIDED} before anything is written.
 */
@Component
public class AuditLog {

    static final String ELIDED = "[elided]";
    private static final Set<String> SECRET_NAMES =
            Set.of("secret", "api_key", "apikey", "password", "token", "ciphertext", "nonce", "hash");

    private final DatabaseClient database;
    private final JsonMapper json;

    AuditLog(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Appends one row; {@code before} and {@code after} are views of the target, or {@code null}. */
    public Mono<Void> record(
            Actor actor,
            String action,
            String targetType,
            String targetId,
            @Nullable Object before,
            @Nullable Object after) {
        return database.sql("""
                        insert into audit_log (actor, action, target_type, target_id, remote_address, before, after)
                        values (:actor, :action, :type, :id, :remote, :before, :after)
                        """)
                .bind("actor", actor.name())
                .bind("action", action)
                .bind("type", targetType)
                .bind("id", targetId)
                .bind("remote", Sql.nullable(actor.remoteAddress(), String.class))
                .bind("before", Sql.nullable(elided(before), Json.class))
                .bind("after", Sql.nullable(elided(after), Json.class))
                .then();
    }

    private @Nullable Json elided(@Nullable Object view) {
        if (view == null) {
            return null;
        }
        Object tree = json.convertValue(view, Object.class);
        return Json.of(json.writeValueAsString(elide(tree)));
    }

    @SuppressWarnings("unchecked")
    private static Object elide(Object tree) {
        if (!(tree instanceof Map<?, ?> map)) {
            return tree;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        ((Map<String, Object>) map).forEach((name, value) -> copy.put(name, elidedValue(name, value)));
        return copy;
    }

    private static @Nullable Object elidedValue(String name, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        String normalized = name.toLowerCase(java.util.Locale.ROOT);
        boolean secret = SECRET_NAMES.contains(normalized)
                || SECRET_NAMES.stream().anyMatch(part -> normalized.endsWith("_" + part));
        return secret ? ELIDED : elide(value);
    }
}
