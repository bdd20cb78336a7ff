package dev.tollgate.admin.provider;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.model.route.SealedSecret;
import dev.tollgate.model.route.SecretSealer;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Provider accounts. API keys are sealed before they reach a repository and never leave this service in plain. */
@Service
public class ProviderService {

    private final ProviderRepository providers;
    private final BaseUrlValidator urls;
    private final SecretSealer sealer;
    private final AuditLog audit;
    private final TransactionalOperator transaction;

    ProviderService(
            ProviderRepository providers,
            BaseUrlValidator urls,
            SecretSealer sealer,
            AuditLog audit,
            TransactionalOperator transaction) {
        this.providers = providers;
        this.urls = urls;
        this.sealer = sealer;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<ProviderView> create(Caller caller, Actor actor, ProviderForm form) {
        caller.require(Role.PLATFORM_ADMIN);
        return checkedBaseUrl(form)
                .flatMap(url -> insert(form, url.isEmpty() ? null : url))
                .flatMap(created -> audit.record(
                                actor,
                                "provider.create",
                                "provider",
                                created.id().toString(),
                                null,
                                created)
                        .thenReturn(created))
                .as(transaction::transactional);
    }

    Mono<PageView<ProviderView>> list(Caller caller, Paging paging) {
        caller.require(Role.PLATFORM_ADMIN, Role.FINANCE, Role.VIEWER);
        if (!caller.platformWide()) {
            throw AdminException.forbidden("Providers are visible to platform-wide users only.");
        }
        return providers
                .page(paging)
                .collectList()
                .zipWith(providers.count(), (items, total) -> PageView.of(items, paging, total));
    }

    /** Every provider, by name, for choosing where a model is deployed; platform-wide users only. */
    public Mono<List<ProviderView>> all(Caller caller) {
        return list(caller, new Paging(0, Paging.MAX_SIZE)).map(PageView::items);
    }

    /** How many providers exist, for a caller allowed to see them; empty for tenant-scoped callers. */
    public Mono<Long> count(Caller caller) {
        return caller.platformWide() ? providers.count() : Mono.empty();
    }

    /** Whether the provider exists, for routes that deploy to it. */
    public Mono<Boolean> exists(UUID id) {
        return providers.find(id).hasElement();
    }

    /** Those of {@code ids} that are providers. */
    public Mono<Set<UUID>> existing(Collection<UUID> ids) {
        return providers.existing(ids).collect(Collectors.toSet());
    }

    /** The id of the provider with this name, if any. */
    public Mono<UUID> idOfName(String name) {
        return providers.findIdByName(name);
    }

    /** Creates a provider on behalf of the service itself (demo seeding). */
    public Mono<UUID> createForSystem(String name, String type) {
        return create(Caller.system(), Actor.system(), new ProviderForm(name, type, null, null, Map.of()))
                .map(ProviderView::id);
    }

    /** The validated base URL, empty for none; a 400 naming every fault of the type's rules first. */
    private Mono<String> checkedBaseUrl(ProviderForm form) {
        String url = form.baseUrl();
        Map<String, String> errors = ProviderSettings.check(
                String.valueOf(form.type()),
                url,
                settings(form),
                form.apiKey() != null && !form.apiKey().isBlank());
        if (!errors.isEmpty()) {
            return Mono.error(AdminException.invalid(errors));
        }
        return url == null || url.isBlank() ? Mono.just("") : urls.validate(url);
    }

    private static Map<String, String> settings(ProviderForm form) {
        return form.settings() == null ? Map.of() : form.settings();
    }

    private Mono<ProviderView> insert(ProviderForm form, @Nullable String baseUrl) {
        String apiKey = form.apiKey();
        SealedSecret sealed = apiKey == null || apiKey.isBlank() ? null : sealer.seal(apiKey);
        return providers.insert(
                String.valueOf(form.name()).strip(), String.valueOf(form.type()), baseUrl, settings(form), sealed);
    }
}
