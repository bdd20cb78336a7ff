package dev.tollgate.admin.prompt;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.prompt.TemplateSnapshot.LabelSplit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Splits a label's traffic between published versions by weight (A/B tests of prompts), and ends such splits. The
 * label keeps pointing at its main version; moving the label ends its split (see {@link TemplateService#moveLabel}).
 */
@Service
class SplitService {

    static final int MAX_VERSIONS = 10;
    static final int MAX_WEIGHT = 10_000;

    private final TemplateService templates;
    private final TemplateRepository labels;
    private final VersionRepository versions;
    private final SplitRepository splits;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    SplitService(
            TemplateService templates,
            TemplateRepository labels,
            VersionRepository versions,
            SplitRepository splits,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.templates = templates;
        this.labels = labels;
        this.versions = versions;
        this.splits = splits;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<SplitView> split(Caller caller, Actor actor, UUID id, String label, SplitForm form) {
        return Mono.fromCallable(() -> checked(form))
                .flatMap(shares -> templates
                        .lockedForChange(caller, id)
                        .then(existingLabel(id, label))
                        .thenMany(Flux.fromIterable(shares))
                        .concatMap(share -> publishedVersion(id, share.version()))
                        .then(splits.find(id, label).map(Before::new).defaultIfEmpty(new Before(null)))
                        .flatMap(before -> splits.replace(id, label, shares)
                                .flatMap(after -> audited(actor, "template.split", id, before.split(), after))))
                .as(transaction::transactional)
                .flatMap(split -> publisher.templateChanged(id).thenReturn(split));
    }

    /** Ends the label's split: the gateway serves its main version alone again. */
    Mono<Void> end(Caller caller, Actor actor, UUID id, String label) {
        return templates
                .lockedForChange(caller, id)
                .then(splits.find(id, label))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("split")))
                .flatMap(before -> splits.delete(id, label)
                        .then(audit.record(
                                actor, "template.split.end", TemplateService.TEMPLATE, id.toString(), before, null)))
                .as(transaction::transactional)
                .then(publisher.templateChanged(id));
    }

    Flux<SplitView> all(UUID id) {
        return splits.all(id);
    }

    private static List<LabelSplit> checked(SplitForm form) {
        List<SplitForm.@Nullable Share> given = form.versions() == null ? List.of() : form.versions();
        Map<String, String> errors = new LinkedHashMap<>();
        if (given.size() < 2 || given.size() > MAX_VERSIONS) {
            errors.put("versions", "must list 2 to " + MAX_VERSIONS + " versions");
        }
        List<LabelSplit> shares = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            SplitForm.Share share = given.get(i);
            String field = "versions[" + i + "]";
            if (share == null || share.version() == null || share.version() < 1) {
                errors.put(field + ".version", "must be a version number");
            } else if (!seen.add(share.version())) {
                errors.put(field + ".version", "repeats version " + share.version());
            }
            if (share == null || share.weight() == null || share.weight() < 1 || share.weight() > MAX_WEIGHT) {
                errors.put(field + ".weight", "must be a whole number from 1 to " + MAX_WEIGHT);
            }
            if (errors.isEmpty()) {
                shares.add(new LabelSplit(share.version(), share.weight()));
            }
        }
        if (!errors.isEmpty()) {
            throw AdminException.invalid(errors);
        }
        return shares.stream()
                .sorted(java.util.Comparator.comparingInt(LabelSplit::version))
                .toList();
    }

    private Mono<LabelView> existingLabel(UUID id, String label) {
        return labels.findLabel(id, label).switchIfEmpty(Mono.error(() -> AdminException.notFound("label")));
    }

    private Mono<VersionView> publishedVersion(UUID id, int version) {
        return versions.find(id, version)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("version " + version)))
                .filter(VersionView::published)
                .switchIfEmpty(Mono.error(() -> AdminException.conflict(
                        "Version " + version + " is a draft; publish it before giving it a share of a label.")));
    }

    private Mono<SplitView> audited(Actor actor, String action, UUID id, @Nullable SplitView before, SplitView after) {
        return audit.record(actor, action, TemplateService.TEMPLATE, id.toString(), before, after)
                .thenReturn(after);
    }

    /** A split as it was before a change; {@code null} when the label had none. */
    private record Before(@Nullable SplitView split) {}
}
