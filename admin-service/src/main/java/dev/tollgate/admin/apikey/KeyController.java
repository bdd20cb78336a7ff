package dev.tollgate.admin.apikey;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** REST API for virtual keys. */
@RestController
class KeyController {

    private final KeyService keys;

    KeyController(KeyService keys) {
        this.keys = keys;
    }

    @PostMapping("/api/v1/tenants/{tenantId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<IssuedKey> create(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID tenantId,
            @Valid @RequestBody KeyForm form) {
        return keys.create(caller, Actor.of(caller.email(), request), tenantId, form);
    }

    @GetMapping("/api/v1/tenants/{tenantId}/keys")
    Mono<PageView<KeyView>> list(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID tenantId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return keys.list(caller, tenantId, new Paging(page, size));
    }

    @PutMapping("/api/v1/keys/{keyId}/cache")
    Mono<KeyView> changeCache(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID keyId,
            @Valid @RequestBody CacheForm form) {
        return keys.changeCache(caller, Actor.of(caller.email(), request), keyId, form);
    }

    @PostMapping("/api/v1/keys/{keyId}/revoke")
    Mono<KeyView> revoke(@AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID keyId) {
        return keys.revoke(caller, Actor.of(caller.email(), request), keyId);
    }

    /** Safe to retry: send the same {@code Idempotency-Key} and the same new secret comes back. */
    @PostMapping("/api/v1/keys/{keyId}/rotate")
    Mono<IssuedKey> rotate(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID keyId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody(required = false) @Nullable RotationForm form) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw AdminException.badRequest("Idempotency-Key must be 1 to 200 characters.");
        }
        Long seconds = form == null ? null : form.gracePeriodSeconds();
        Duration grace = seconds == null ? keys.defaultGrace() : Duration.ofSeconds(seconds);
        return keys.rotate(caller, Actor.of(caller.email(), request), keyId, grace, idempotencyKey);
    }
}
