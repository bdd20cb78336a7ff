package dev.tollgate.admin.token;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.audit.AuditLog;
import dev.tollgate.admin.publish.ConfigPublisher;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.security.TokenHashes;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Issues, lists and revokes API tokens. Every user manages their own; platform admins also see and revoke everyone
 * else's. A token exists in plain only in the answer that issues it; Postgres keeps its SHA-256.
 */
@Service
class TokenService {

    private static final String TOKEN = "token";

    private final TokenRepository tokens;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final ConfigPublisher publisher;

    TokenService(TokenRepository tokens, AuditLog audit, TransactionalOperator transaction, ConfigPublisher publisher) {
        this.tokens = tokens;
        this.audit = audit;
        this.transaction = transaction;
        this.publisher = publisher;
    }

    /** Issues a token with the caller's rights, narrowed by its scope; the answer is the only time it is shown. */
    Mono<IssuedToken> create(Caller caller, Actor actor, TokenForm form) {
        Instant expiresAt = Objects.requireNonNull(form.expiresAt());
        if (expiresAt.isAfter(latestExpiry())) {
            return Mono.error(AdminException.invalid(Map.of("expires_at", "must be at most one year from now")));
        }
        String token = TokenGenerator.newToken();
        String name = String.valueOf(form.name()).strip();
        return tokens.insert(caller.userId(), TokenHashes.sha256(token), name, String.valueOf(form.scope()), expiresAt)
                .flatMap(tokens::find)
                .flatMap(created -> audited(actor, "token.create", null, created))
                .as(transaction::transactional)
                .flatMap(this::published)
                .map(created -> new IssuedToken(created, token));
    }

    /** The caller's own tokens; every user's for a platform admin. */
    Mono<PageView<TokenView>> list(Caller caller, Paging paging) {
        UUID owner = caller.platformAdmin() ? null : caller.userId();
        return tokens.page(owner, paging)
                .collectList()
                .zipWith(tokens.count(owner), (items, total) -> PageView.of(items, paging, total));
    }

    /** The token, if the caller may manage it; 404 for anyone else's, as for one that does not exist. */
    Mono<TokenView> get(Caller caller, UUID id) {
        return tokens.find(id).filter(token -> manages(caller, token)).switchIfEmpty(notFound());
    }

    /** Revokes the token; revoking a revoked token changes nothing and succeeds. */
    Mono<TokenView> revoke(Caller caller, Actor actor, UUID id) {
        return tokens.findForUpdate(id)
                .filter(token -> manages(caller, token))
                .switchIfEmpty(notFound())
                .flatMap(before -> revoked(actor, before))
                .as(transaction::transactional)
                .flatMap(this::published);
    }

    private Mono<TokenView> revoked(Actor actor, TokenView before) {
        if (before.revokedAt() != null) {
            return Mono.just(before);
        }
        return tokens.revoke(before.id())
                .then(tokens.find(before.id()))
                .flatMap(after -> audited(actor, "token.revoke", before, after));
    }

    /** Other services learn of the token (or that it is gone) from Redis, once the transaction committed. */
    private Mono<TokenView> published(TokenView token) {
        return publisher.apiTokensChanged(token.userId()).thenReturn(token);
    }

    private static boolean manages(Caller caller, TokenView token) {
        return caller.platformAdmin() || token.userId().equals(caller.userId());
    }

    /** A year ahead, plus a minute so a form filled in a little while ago is not refused for a year to the day. */
    private static Instant latestExpiry() {
        return Instant.now()
                .atOffset(ZoneOffset.UTC)
                .plusYears(1)
                .plusMinutes(1)
                .toInstant();
    }

    private Mono<TokenView> audited(Actor actor, String action, @Nullable TokenView before, TokenView after) {
        return audit.record(actor, action, TOKEN, after.id().toString(), before, after)
                .thenReturn(after);
    }

    private static Mono<TokenView> notFound() {
        return Mono.error(() -> AdminException.notFound(TOKEN));
    }
}
