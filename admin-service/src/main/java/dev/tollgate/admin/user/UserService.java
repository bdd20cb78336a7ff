package dev.tollgate.admin.user;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.Role;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Creates, changes and disables admin users and sets their passwords; only platform admins may. Users are never
 * deleted, and nobody can change their own role or disable themselves, so at least one platform admin always remains.
 * Each change is audited in its transaction.
 */
@Service
class UserService {

    private static final String USER = "user";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final TenantService tenants;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final ConfigPublisher publisher;

    UserService(
            UserRepository users,
            TenantService tenants,
            PasswordEncoder passwords,
            AuditLog audit,
            TransactionalOperator transaction,
            ConfigPublisher publisher) {
        this.users = users;
        this.tenants = tenants;
        this.passwords = passwords;
        this.audit = audit;
        this.transaction = transaction;
        this.publisher = publisher;
    }

    /** Creates a user; without a chosen password, the answer carries a generated one that is never shown again. */
    Mono<CreatedUser> create(Caller caller, Actor actor, UserForm form) {
        Role role = Objects.requireNonNull(form.role());
        requireManager(caller, form.tenantId());
        requireScopeFits(role, form.tenantId());
        String generated = form.password() == null ? newPassword() : null;
        String email = String.valueOf(form.email()).strip().toLowerCase(Locale.ROOT);
        return existing(form.tenantId())
                .then(encoded(generated == null ? form.password() : generated))
                .flatMap(hash -> users.insert(email, hash, role, form.tenantId()))
                .flatMap(user -> audited(actor, "user.create", null, user))
                .as(transaction::transactional)
                .map(user -> new CreatedUser(user, generated));
    }

    Mono<PageView<UserView>> list(Caller caller, Paging paging) {
        caller.require(Role.PLATFORM_ADMIN);
        return users.page(paging)
                .collectList()
                .zipWith(users.count(), (items, total) -> PageView.of(items, paging, total));
    }

    /** The user: 404 unless the caller sees their tenant, 403 unless the caller is a platform admin. */
    Mono<UserView> get(Caller caller, UUID id) {
        return users.find(id)
                .filter(user -> visible(caller, user))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(USER)))
                .doOnNext(user -> caller.require(Role.PLATFORM_ADMIN));
    }

    Mono<UserView> update(Caller caller, Actor actor, UUID id, UserUpdate form) {
        Role role = Objects.requireNonNull(form.role());
        return locked(caller, id)
                .doOnNext(before -> requireScopeFits(role, form.tenantId()))
                .doOnNext(before -> requireNotSelf(caller, before, role, form.disabled()))
                .flatMap(before -> existing(form.tenantId()).thenReturn(before))
                .flatMap(before -> changed(actor, before, role, form))
                .as(transaction::transactional)
                .flatMap(after -> publisher.apiTokensChanged(after.id()).thenReturn(after));
    }

    Mono<Void> setPassword(Caller caller, Actor actor, UUID id, PasswordForm form) {
        return locked(caller, id)
                .flatMap(user -> encoded(form.password())
                        .flatMap(hash -> users.updatePassword(id, hash))
                        .then(audit.record(actor, "user.password", USER, id.toString(), null, user)))
                .as(transaction::transactional)
                .then(publisher.apiTokensChanged(id));
    }

    private Mono<UserView> changed(Actor actor, UserView before, Role role, UserUpdate form) {
        boolean disabled = form.disabled() == null ? before.disabled() : form.disabled();
        return users.update(before.id(), role, form.tenantId(), disabled)
                .flatMap(after -> audited(actor, "user.update", before, after));
    }

    private Mono<UserView> locked(Caller caller, UUID id) {
        return users.findForUpdate(id)
                .filter(user -> visible(caller, user))
                .switchIfEmpty(Mono.error(() -> AdminException.notFound(USER)))
                .doOnNext(user -> caller.require(Role.PLATFORM_ADMIN));
    }

    /** Scoped callers see the users of their own tenant only; users of every tenant are outside their view. */
    private static boolean visible(Caller caller, UserView user) {
        return user.tenantId() == null ? caller.platformWide() : caller.sees(user.tenantId());
    }

    private static void requireManager(Caller caller, @Nullable UUID tenantId) {
        if (tenantId != null && !caller.sees(tenantId)) {
            throw AdminException.notFound("tenant");
        }
        caller.require(Role.PLATFORM_ADMIN);
    }

    private static void requireScopeFits(Role role, @Nullable UUID tenantId) {
        if (role == Role.TENANT_ADMIN && tenantId == null) {
            throw AdminException.invalid(Map.of("tenant_id", "is required for TENANT_ADMIN"));
        }
        if (role == Role.PLATFORM_ADMIN && tenantId != null) {
            throw AdminException.invalid(Map.of("tenant_id", "must be empty for PLATFORM_ADMIN"));
        }
    }

    private static void requireNotSelf(Caller caller, UserView user, Role role, @Nullable Boolean disabled) {
        boolean self = user.id().equals(caller.userId());
        if (self && (role != user.role() || Boolean.TRUE.equals(disabled))) {
            throw AdminException.forbidden("Nobody can change their own role or disable themselves.");
        }
    }

    private Mono<Void> existing(@Nullable UUID tenantId) {
        if (tenantId == null) {
            return Mono.empty();
        }
        return tenants.exists(tenantId)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> AdminException.notFound("tenant")))
                .then();
    }

    /** bcrypt costs tens of milliseconds of CPU, so it runs off the event loop. */
    private Mono<String> encoded(@Nullable String password) {
        return Mono.fromCallable(() -> passwords.encode(String.valueOf(password)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<UserView> audited(Actor actor, String action, @Nullable UserView before, UserView after) {
        return audit.record(actor, action, USER, after.id().toString(), before, after)
                .thenReturn(after);
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
