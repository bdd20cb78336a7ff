package dev.tollgate.admin.prompt;

import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PromptVariable;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Template versions; their content columns are JSON. */
@Repository
class VersionRepository {

    private static final String COLUMNS = "template_id, version, messages, model, parameters, variables, status,"
            + " created_by, created_at, published_at, overridable";

    private final DatabaseClient database;
    private final JsonMapper json;

    VersionRepository(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /** Adds the next version as a draft; the caller holds the template's lock, so numbers never clash. */
    Mono<VersionView> insertDraft(UUID templateId, VersionForm form, String createdBy) {
        return database.sql("""
                        insert into prompt_version (template_id, version, messages, model, parameters, variables,
                                                    overridable, created_by)
                        select :id, coalesce(max(version), 0) + 1, :messages, :model, :parameters, :variables,
                               :overridable, :by
                        from prompt_version where template_id = :id
                        returning\s""" + COLUMNS)
                .bind("id", templateId)
                .bind("by", createdBy)
                .bind("model", String.valueOf(form.model()))
                .bind("messages", jsonOf(form.promptMessages()))
                .bind("parameters", jsonOf(form.parametersOrEmpty()))
                .bind("variables", jsonOf(form.promptVariables()))
                .bind("overridable", form.overridableOrEmpty().toArray(String[]::new))
                .map(this::view)
                .one();
    }

    /** Replaces a draft's content. The trigger refuses this for a published version, whatever the caller checked. */
    Mono<VersionView> updateContent(UUID templateId, int version, VersionForm form) {
        return database.sql("""
                        update prompt_version set messages = :messages, model = :model, parameters = :parameters,
                            variables = :variables, overridable = :overridable
                        where template_id = :id and version = :version returning\s""" + COLUMNS)
                .bind("id", templateId)
                .bind("version", version)
                .bind("model", String.valueOf(form.model()))
                .bind("messages", jsonOf(form.promptMessages()))
                .bind("parameters", jsonOf(form.parametersOrEmpty()))
                .bind("variables", jsonOf(form.promptVariables()))
                .bind("overridable", form.overridableOrEmpty().toArray(String[]::new))
                .map(this::view)
                .one();
    }

    Mono<VersionView> publish(UUID templateId, int version) {
        return database.sql("update prompt_version set status = 'published', published_at = now()"
                        + " where template_id = :id and version = :version and status = 'draft' returning " + COLUMNS)
                .bind("id", templateId)
                .bind("version", version)
                .map(this::view)
                .one();
    }

    Mono<VersionView> find(UUID templateId, int version) {
        return database.sql("select " + COLUMNS + " from prompt_version where template_id = :id and version = :version")
                .bind("id", templateId)
                .bind("version", version)
                .map(this::view)
                .one();
    }

    Mono<VersionView> findForUpdate(UUID templateId, int version) {
        return database.sql("select " + COLUMNS
                        + " from prompt_version where template_id = :id and version = :version for update")
                .bind("id", templateId)
                .bind("version", version)
                .map(this::view)
                .one();
    }

    /** Every version of a template, newest first. */
    Flux<VersionView> all(UUID templateId) {
        return database.sql("select " + COLUMNS + " from prompt_version where template_id = :id order by version desc")
                .bind("id", templateId)
                .map(this::view)
                .all();
    }

    private Json jsonOf(Object value) {
        return Json.of(json.writeValueAsString(value));
    }

    private VersionView view(Readable row) {
        return new VersionView(
                row.get("template_id", UUID.class),
                row.get("version", Integer.class),
                json.readValue(text(row, "messages"), new TypeReference<List<PromptMessage>>() {}),
                String.valueOf(row.get("model", String.class)),
                json.readValue(text(row, "parameters"), new TypeReference<Map<String, Object>>() {}),
                json.readValue(text(row, "variables"), new TypeReference<List<PromptVariable>>() {}),
                String.valueOf(row.get("status", String.class)),
                String.valueOf(row.get("created_by", String.class)),
                row.get("created_at", Instant.class),
                row.get("published_at", Instant.class),
                overridable(row));
    }

    private static List<String> overridable(Readable row) {
        String[] names = row.get("overridable", String[].class);
        return names == null ? List.of() : List.of(names);
    }

    private static String text(Readable row, String column) {
        Json value = row.get(column, Json.class);
        return value == null ? "null" : value.asString();
    }
}
