package dev.tollgate.admin.prompt;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates and lists templates and moves their labels. Everyone sees platform-wide templates and those of the tenants
 * they see; platform admins manage platform-wide ones, tenant admins their tenant's; finance and viewers only read.
 */
@Service
class TemplateService {

    static final String TEMPLATE = "template";
    private static final Pattern LABEL = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,62}$");

    private final TemplateRepository templates;
    private final VersionRepository versions;
    private final SplitRepository splits;
    private final TenantService tenants;
    private final AuditLog audit;
    private final ConfigPublisher publisher;
    private final TransactionalOperator transaction;

    TemplateService(
            TemplateRepository templates,
            VersionRepository versions,
            SplitRepository splits,
            TenantService tenants,
            AuditLog audit,
            ConfigPublisher publisher,
            TransactionalOperator transaction) {
        this.templates = templates;
        this.versions = versions;
        this.splits = splits;
        this.tenants = tenants;
        this.audit = audit;
        this.publisher = publisher;
        this.transaction = transaction;
    }

    Mono<TemplateView> create(Caller caller, Actor actor, TemplateForm form) {
        UUID tenant = form.tenantId() != null ? form.tenantId() : caller.tenantId();
        return owner(caller, tenant)
                .then(templates.insert(tenant, String.valueOf(form.name()), actor.name()))
                .flatMap(created -> audit.record(
                                actor, "template.create", TEMPLATE, created.id().toString(), null, created)
                        .thenReturn(created))
                .as(transaction::transactional);
    }

    Mono<PageView<TemplateView>> list(Caller caller, Paging paging) {
        return templates
                .page(caller.tenantId(), paging)
                .collectList()
                .zipWith(templates.count(caller.tenantId()), (items, total) -> PageView.of(items, paging, total));
    }

    Mono<TemplateDetail> detail(Caller caller, UUID id) {
        return Mono.zip(
                        visible(caller, id),
                        versions.all(id).collectList(),
                        templates.labels(id).collectList(),
                        splits.all(id).collectList())
                .map(found -> new TemplateDetail(found.getT1(), found.getT2(), found.getT3(), found.getT4()));
    }

    /**
     * Points {@code label} at a published version: a promotion, or a rollback when the version is older. A split of the
     * label ends, so the label serves that one version.
     */
    Mono<LabelView> moveLabel(Caller caller, Actor actor, UUID id, String label, int version) {
        if (!LABEL.matcher(label).matches()) {
            return Mono.error(AdminException.invalid(
                    Map.of("label", "must be lowercase letters, digits, '.', '_' or '-', such as production")));
        }
        return lockedForChange(caller, id)
                .then(publishedVersion(id, version))
                .then(templates.findLabel(id, label).map(Before::new).defaultIfEmpty(new Before(null)))
                .flatMap(before -> templates
                        .moveLabel(id, label, version)
                        .flatMap(after -> audit.record(
                                        actor, "template.label", TEMPLATE, id.toString(), before.label(), after)
                                .thenReturn(after)))
                .flatMap(moved -> endSplit(actor, id, label).thenReturn(moved))
                .as(transaction::transactional)
                .flatMap(moved -> publisher.templateChanged(id).thenReturn(moved));
    }

    private Mono<Void> endSplit(Actor actor, UUID id, String label) {
        return splits.find(id, label)
                .flatMap(split -> splits.delete(id, label)
                        .then(audit.record(actor, "template.split.end", TEMPLATE, id.toString(), split, null)));
    }

    /** The template if the caller sees it; 404 otherwise, as for one that does not exist. */
    Mono<TemplateView> visible(Caller caller, UUID id) {
        return templates
                .find(id)
                .filter(template -> template.tenantId() == null || caller.sees(template.tenantId()))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(TEMPLATE)));
    }

    /** Locks the template for a change by the caller: 404 unless it sees it, 403 unless it may manage it. */
    Mono<TemplateView> lockedForChange(Caller caller, UUID id) {
        return templates
                .findForUpdate(id)
                .filter(template -> template.tenantId() == null || caller.sees(template.tenantId()))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(TEMPLATE)))
                .doOnNext(template -> caller.require(managers(template.tenantId())));
    }

    /** Whether the caller may change {@code template}; pages use it to offer only what is allowed. */
    static boolean manages(Caller caller, TemplateView template) {
        return caller.has(managers(template.tenantId()));
    }

    private static Role[] managers(@Nullable UUID tenant) {
        return tenant == null ? new Role[] {Role.PLATFORM_ADMIN} : new Role[] {Role.PLATFORM_ADMIN, Role.TENANT_ADMIN};
    }

    private Mono<Void> owner(Caller caller, @Nullable UUID tenant) {
        if (tenant == null) {
            return Mono.fromRunnable(() -> caller.require(Role.PLATFORM_ADMIN));
        }
        return Mono.fromRunnable(() -> caller.requireIn(tenant, "tenant", managers(tenant)))
                .then(tenants.exists(tenant))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")))
                .then();
    }

    private Mono<VersionView> publishedVersion(UUID id, int version) {
        return versions.find(id, version)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("version")))
                .filter(VersionView::published)
                .switchIfEmpty(Mono.error(() -> AdminException.conflict(
                        "Version " + version + " is a draft; publish it before pointing a label at it.")));
    }

    /** A label as it was before a move; {@code null} when it is new. */
    private record Before(@Nullable LabelView label) {}
}
