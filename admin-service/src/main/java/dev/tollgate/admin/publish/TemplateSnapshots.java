package dev.tollgate.admin.publish;

import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PromptVariable;
import dev.tollgate.model.prompt.PublishedPrompt;
import dev.tollgate.model.prompt.TemplateSnapshot;
import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads prompt templates in their published form from Postgres: published versions and labels, never drafts. */
@Component
class TemplateSnapshots {

    private final DatabaseClient database;
    private final JsonMapper json;

    TemplateSnapshots(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Flux<TemplateRef> all() {
        return database.sql("select id, tenant_id, name from prompt_template order by id")
                .map(TemplateSnapshots::ref)
                .all();
    }

    Mono<TemplateRef> find(UUID id) {
        return database.sql("select id, tenant_id, name from prompt_template where id = :id")
                .bind("id", id)
                .map(TemplateSnapshots::ref)
                .one();
    }

    /** The template as published; its versions are empty until one is published. */
    Mono<TemplateSnapshot> snapshot(TemplateRef template) {
        return Mono.zip(versions(template.id()).collectList(), labels(template.id()), splits(template.id()))
                .map(found -> template.snapshot(found.getT1(), found.getT2(), found.getT3()));
    }

    private Flux<PublishedPrompt> versions(UUID templateId) {
        return database.sql("""
                        select version, messages, model, parameters, variables, published_at, overridable
                        from prompt_version
                        where template_id = :id and status = 'published' order by version
                        """).bind("id", templateId).map(this::version).all();
    }

    private Mono<Map<String, Integer>> labels(UUID templateId) {
        return database.sql("select label, version from prompt_label where template_id = :id order by label")
                .bind("id", templateId)
                .map(row ->
                        Map.entry(String.valueOf(row.get("label", String.class)), row.get("version", Integer.class)))
                .all()
                .collect(LinkedHashMap::new, (labels, label) -> labels.put(label.getKey(), label.getValue()));
    }

    /** Label → its versions' weights, for the labels that split their traffic. */
    private Mono<Map<String, List<LabelSplit>>> splits(UUID templateId) {
        return database.sql("select label, version, weight from prompt_label_split where template_id = :id"
                        + " order by label, version")
                .bind("id", templateId)
                .map(row -> Map.entry(
                        String.valueOf(row.get("label", String.class)),
                        new LabelSplit(row.get("version", Integer.class), row.get("weight", Integer.class))))
                .all()
                .collect(
                        LinkedHashMap::new,
                        (splits, split) -> splits.computeIfAbsent(split.getKey(), label -> new ArrayList<>())
                                .add(split.getValue()));
    }

    private PublishedPrompt version(Readable row) {
        return new PublishedPrompt(
                row.get("version", Integer.class),
                json.readValue(text(row, "messages"), new TypeReference<List<PromptMessage>>() {}),
                String.valueOf(row.get("model", String.class)),
                json.readValue(text(row, "parameters"), new TypeReference<Map<String, Object>>() {}),
                json.readValue(text(row, "variables"), new TypeReference<List<PromptVariable>>() {}),
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

    private static TemplateRef ref(Readable row) {
        UUID tenant = row.get("tenant_id", UUID.class);
        return new TemplateRef(
                row.get("id", UUID.class), tenant == null ? null : tenant.toString(), row.get("name", String.class));
    }

    /** Which template, and so which Redis key. */
    record TemplateRef(UUID id, @Nullable String tenantId, String name) {

        TemplateSnapshot snapshot(
                List<PublishedPrompt> versions, Map<String, Integer> labels, Map<String, List<LabelSplit>> splits) {
            return new TemplateSnapshot(id.toString(), name, tenantId, versions, labels, splits);
        }
    }
}
