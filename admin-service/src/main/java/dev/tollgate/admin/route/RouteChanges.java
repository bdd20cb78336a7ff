package dev.tollgate.admin.route;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Changing and deleting public models; platform admins only. The model's row is locked first, so concurrent changes
 * of one model queue up, and an {@code If-Match} naming another version refuses the change (412). Each change is
 * audited in its transaction and published once it committed; a deleted model leaves Redis at once.
 */
@Service
class RouteChanges {

    private final RouteRepository routes;
    private final FallbackRepository fallbacks;
    private final RouteReader reader;
    private final RouteChecks checks;
    private final RouteWriter writer;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    RouteChanges(
            RouteRepository routes,
            FallbackRepository fallbacks,
            RouteReader reader,
            RouteChecks checks,
            RouteWriter writer,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.routes = routes;
        this.fallbacks = fallbacks;
        this.reader = reader;
        this.checks = checks;
        this.writer = writer;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<ModelView> update(Caller caller, Actor actor, UUID id, @Nullable IfMatch ifMatch, ModelUpdate form) {
        caller.require(Role.PLATFORM_ADMIN);
        RouteSpec spec = form.spec();
        Instant now = RouteService.now();
        return locked(id, ifMatch)
                .doOnNext(before -> requireSameName(before, form.name()))
                .flatMap(before -> replaced(before, spec, now))
                .flatMap(edit -> audited(actor, edit))
                .as(transaction::transactional)
                .flatMap(after -> publisher.routeChanged(after.name()).thenReturn(after));
    }

    Mono<Void> delete(Caller caller, Actor actor, UUID id, @Nullable IfMatch ifMatch) {
        caller.require(Role.PLATFORM_ADMIN);
        return locked(id, ifMatch)
                .flatMap(this::unreferenced)
                .flatMap(before -> deleted(actor, before))
                .as(transaction::transactional)
                .flatMap(publisher::routeChanged);
    }

    /** The models that fall back to this one, which keep it from being deleted. */
    Mono<List<String>> fallbackOf(UUID id) {
        return fallbacks.referrers(id).collectList();
    }

    private Mono<ModelView> locked(UUID id, @Nullable IfMatch ifMatch) {
        return routes.lock(id)
                .switchIfEmpty(Mono.error(RouteReader::notFound))
                .doOnNext(route -> requireVersion(route.version(), ifMatch))
                .flatMap(reader::view);
    }

    private Mono<Edit> replaced(ModelView before, RouteSpec spec, Instant now) {
        return checks.verified(spec, before.name(), before.id(), now)
                .flatMap(facts -> writer.replace(before.id(), spec, facts, now))
                .map(after -> new Edit(before, after));
    }

    private Mono<ModelView> audited(Actor actor, Edit edit) {
        return audit.record(actor, "model.update", "model", edit.after().name(), edit.before(), edit.after())
                .thenReturn(edit.after());
    }

    private Mono<ModelView> unreferenced(ModelView model) {
        return fallbackOf(model.id())
                .flatMap(names -> names.isEmpty() ? Mono.just(model) : Mono.error(referenced(model, names)));
    }

    private Mono<String> deleted(Actor actor, ModelView before) {
        return routes.delete(before.id())
                .then(audit.record(actor, "model.delete", "model", before.name(), before, null))
                .thenReturn(before.name());
    }

    private static void requireVersion(int version, @Nullable IfMatch ifMatch) {
        if (ifMatch != null && !ifMatch.matches(version)) {
            throw AdminException.preconditionFailed("The model was changed since it was read: it is at version "
                    + version + " now. Read it again and reapply the change.");
        }
    }

    private static void requireSameName(ModelView model, @Nullable String name) {
        if (name != null && !name.strip().equals(model.name())) {
            throw AdminException.invalid(java.util.Map.of(
                    "name",
                    "cannot change: a model keeps its name (create a new model and delete this one to rename it)"));
        }
    }

    private static AdminException referenced(ModelView model, List<String> names) {
        return AdminException.conflict(model.name() + " cannot be deleted: it is the fallback of "
                + String.join(", ", names) + ". Remove it from their fallbacks first.");
    }

    /** A model before and after one change. */
    private record Edit(ModelView before, ModelView after) {}
}
