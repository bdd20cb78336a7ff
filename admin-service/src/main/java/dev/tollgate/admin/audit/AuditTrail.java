package dev.tollgate.admin.audit;

import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reading the audit log. Rows are not tagged with a tenant and name every tenant's changes, so only platform-wide
 * users (of any role) may read them, as with providers.
 */
@Service
public class AuditTrail {

    private final AuditRepository entries;

    AuditTrail(AuditRepository entries) {
        this.entries = entries;
    }

    Mono<PageView<AuditEntry>> page(Caller caller, Paging paging) {
        if (!caller.platformWide()) {
            return Mono.error(AdminException.forbidden("The audit log is visible to platform-wide users only."));
        }
        return entries.page(paging)
                .collectList()
                .zipWith(entries.count(), (items, total) -> PageView.of(items, paging, total));
    }

    /** The latest {@code count} entries for a caller allowed to read them; none for tenant-scoped callers. */
    public Mono<List<AuditEntry>> recent(Caller caller, int count) {
        if (!caller.platformWide()) {
            return Mono.just(List.of());
        }
        return entries.page(new Paging(0, count)).collectList();
    }
}
