package dev.tollgate.admin.prompt;

import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The weighted splits of a template's labels. */
@Repository
class SplitRepository {

    private final DatabaseClient database;

    SplitRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Every split of a template, by label; each lists its versions in order. */
    Flux<SplitView> all(UUID templateId) {
        return database.sql("select label, version, weight from prompt_label_split where template_id = :id"
                        + " order by label, version")
                .bind("id", templateId)
                .map(row -> new Row(
                        String.valueOf(row.get("label", String.class)),
                        new LabelSplit(row.get("version", Integer.class), row.get("weight", Integer.class))))
                .all()
                .bufferUntilChanged(Row::label)
                .map(rows -> new SplitView(
                        rows.getFirst().label(), rows.stream().map(Row::split).toList()));
    }

    Mono<SplitView> find(UUID templateId, String label) {
        return all(templateId).filter(split -> split.label().equals(label)).next();
    }

    /** Replaces the label's split with {@code versions}. */
    Mono<SplitView> replace(UUID templateId, String label, List<LabelSplit> versions) {
        return delete(templateId, label)
                .thenMany(Flux.fromIterable(versions))
                .concatMap(split -> database.sql("insert into prompt_label_split (template_id, label, version, weight)"
                                + " values (:id, :label, :version, :weight)")
                        .bind("id", templateId)
                        .bind("label", label)
                        .bind("version", split.version())
                        .bind("weight", split.weight())
                        .then())
                .then(Mono.just(new SplitView(label, versions)));
    }

    Mono<Void> delete(UUID templateId, String label) {
        return database.sql("delete from prompt_label_split where template_id = :id and label = :label")
                .bind("id", templateId)
                .bind("label", label)
                .then();
    }

    private record Row(String label, LabelSplit split) {}
}
