package dev.tollgate.admin.prompt;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.prompt.Placeholders;
import dev.tollgate.model.prompt.PromptMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Drafts, publishes, renders and compares template versions. A published version never changes: this service refuses
 * it with a 409, and the {@code prompt_version} trigger refuses it in the database.
 */
@Service
class VersionService {

    private final TemplateService templates;
    private final VersionRepository versions;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    VersionService(
            TemplateService templates,
            VersionRepository versions,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.templates = templates;
        this.versions = versions;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<VersionView> createDraft(Caller caller, Actor actor, UUID id, VersionForm form) {
        return Mono.fromRunnable(() -> VersionRules.check(form))
                .then(templates.lockedForChange(caller, id))
                .then(versions.insertDraft(id, form, actor.name()))
                .flatMap(draft -> audited(actor, "template.version.create", null, draft))
                .as(transaction::transactional);
    }

    Mono<VersionView> updateDraft(Caller caller, Actor actor, UUID id, int version, VersionForm form) {
        return Mono.fromRunnable(() -> VersionRules.check(form))
                .then(templates.lockedForChange(caller, id))
                .then(draft(id, version))
                .flatMap(before -> versions.updateContent(id, version, form)
                        .flatMap(after -> audited(actor, "template.version.update", before, after)))
                .as(transaction::transactional);
    }

    Mono<VersionView> publish(Caller caller, Actor actor, UUID id, int version) {
        return templates
                .lockedForChange(caller, id)
                .then(draft(id, version))
                .flatMap(before -> versions.publish(id, version)
                        .flatMap(after -> audited(actor, "template.version.publish", before, after)))
                .as(transaction::transactional)
                .flatMap(published -> publisher.templateChanged(id).thenReturn(published));
    }

    Mono<VersionView> get(Caller caller, UUID id, int version) {
        return templates.visible(caller, id).then(found(id, version));
    }

    /** Renders the version with sample values; a 400 names each unknown, missing or mistyped variable. */
    Mono<RenderedPrompt> preview(Caller caller, UUID id, int version, @Nullable Map<String, @Nullable Object> values) {
        return get(caller, id, version).map(found -> render(found, values == null ? Map.of() : values));
    }

    Mono<VersionDiff> diff(Caller caller, UUID id, int from, int to) {
        return get(caller, id, from).zipWith(found(id, to), PromptDiff::between);
    }

    static RenderedPrompt render(VersionView version, Map<String, @Nullable Object> values) {
        Map<String, String> texts = VariableValues.resolve(version.variables(), values);
        List<PromptMessage> messages = version.messages().stream()
                .map(message -> new PromptMessage(message.role(), Placeholders.render(message.content(), texts)))
                .toList();
        return new RenderedPrompt(version.version(), version.model(), version.parameters(), messages);
    }

    private Mono<VersionView> found(UUID id, int version) {
        return versions.find(id, version).switchIfEmpty(Mono.error(() -> AdminException.notFound("version")));
    }

    private Mono<VersionView> draft(UUID id, int version) {
        return versions.findForUpdate(id, version)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("version")))
                .filter(found -> !found.published())
                .switchIfEmpty(Mono.error(() -> AdminException.conflict(
                        "Version " + version + " is published and cannot change; create a new version instead.")));
    }

    private Mono<VersionView> audited(Actor actor, String action, @Nullable VersionView before, VersionView after) {
        String target = after.templateId() + "/" + after.version();
        return audit.record(actor, action, TemplateService.TEMPLATE, target, before, after)
                .thenReturn(after);
    }
}
