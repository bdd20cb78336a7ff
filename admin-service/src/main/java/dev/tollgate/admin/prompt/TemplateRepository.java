package dev.tollgate.admin.prompt;

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

/** Templates and their labels. */
@Repository
class TemplateRepository {

    private static final String COLUMNS = "t.id, t.tenant_id, t.name, t.created_by, t.created_at,"
            + " (select coalesce(max(v.version), 0) from prompt_version v where v.template_id = t.id)"
            + " as latest_version";
    /** A scoped caller sees its tenant's templates and the platform-wide ones. */
    private static final String VISIBLE = "(:tenant::uuid is null or t.tenant_id is null or t.tenant_id = :tenant)";

    private final DatabaseClient database;

    TemplateRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<TemplateView> insert(@Nullable UUID tenantId, String name, String createdBy) {
        return database.sql("insert into prompt_template (tenant_id, name, created_by) values (:tenant, :name, :by)"
                        + " returning id")
                .bind("tenant", Sql.nullable(tenantId, UUID.class))
                .bind("name", name)
                .bind("by", createdBy)
                .map(row -> row.get(0, UUID.class))
                .one()
                .flatMap(this::find);
    }

    Mono<TemplateView> find(UUID id) {
        return database.sql("select " + COLUMNS + " from prompt_template t where t.id = :id")
                .bind("id", id)
                .map(TemplateRepository::view)
                .one();
    }

    /** Locks the template, which serialises version numbering and label moves. */
    Mono<TemplateView> findForUpdate(UUID id) {
        return database.sql("select id from prompt_template where id = :id for update")
                .bind("id", id)
                .map(row -> row.get(0, UUID.class))
                .one()
                .flatMap(this::find);
    }

    Flux<TemplateView> page(@Nullable UUID visibleTo, Paging paging) {
        return database.sql("select " + COLUMNS + " from prompt_template t where " + VISIBLE
                        + " order by t.name, t.tenant_id nulls first limit :limit offset :offset")
                .bind("tenant", Sql.nullable(visibleTo, UUID.class))
                .bind("limit", paging.size())
                .bind("offset", paging.offset())
                .map(TemplateRepository::view)
                .all();
    }

    Mono<Long> count(@Nullable UUID visibleTo) {
        return database.sql("select count(*) from prompt_template t where " + VISIBLE)
                .bind("tenant", Sql.nullable(visibleTo, UUID.class))
                .map(row -> row.get(0, Long.class))
                .one();
    }

    Flux<LabelView> labels(UUID templateId) {
        return database.sql("select label, version, weight, updated_at from prompt_label where template_id = :id"
                        + " order by label")
                .bind("id", templateId)
                .map(TemplateRepository::label)
                .all();
    }

    Mono<LabelView> findLabel(UUID templateId, String label) {
        return labels(templateId).filter(found -> found.label().equals(label)).next();
    }

    /** Points {@code label} at {@code version}, creating the label if needed. */
    Mono<LabelView> moveLabel(UUID templateId, String label, int version) {
        return database.sql("""
                        insert into prompt_label (template_id, label, version) values (:id, :label, :version)
                        on conflict (template_id, label) do update set version = excluded.version, updated_at = now()
                        returning label, version, weight, updated_at
                        """)
                .bind("id", templateId)
                .bind("label", label)
                .bind("version", version)
                .map(TemplateRepository::label)
                .one();
    }

    private static LabelView label(Readable row) {
        return new LabelView(
                String.valueOf(row.get("label", String.class)),
                row.get("version", Integer.class),
                row.get("weight", Integer.class),
                row.get("updated_at", Instant.class));
    }

    private static TemplateView view(Readable row) {
        return new TemplateView(
                row.get("id", UUID.class),
                row.get("tenant_id", UUID.class),
                String.valueOf(row.get("name", String.class)),
                String.valueOf(row.get("created_by", String.class)),
                row.get("created_at", Instant.class),
                row.get("latest_version", Integer.class));
    }
}
