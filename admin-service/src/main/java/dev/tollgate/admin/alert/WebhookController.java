package dev.tollgate.admin.alert;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.PageView;
import dev.tollgate.admin.system.Paging;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** REST API for a tenant's alert webhook and its delivery log. */
@RestController
@RequestMapping("/api/v1/tenants/{tenantId}/webhook")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    Mono<WebhookView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID tenantId) {
        return webhooks.get(caller, tenantId);
    }

    /** Creates or changes the webhook; {@code secret} is in the answer only when this call made it. */
    @PutMapping
    Mono<WebhookSaved> put(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID tenantId,
            @Valid @RequestBody WebhookForm form) {
        return webhooks.save(caller, Actor.of(caller.email(), request), tenantId, form);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tenantId) {
        return webhooks.delete(caller, Actor.of(caller.email(), request), tenantId);
    }

    @PostMapping("/rotate-secret")
    Mono<WebhookSaved> rotateSecret(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tenantId) {
        return webhooks.rotateSecret(caller, Actor.of(caller.email(), request), tenantId);
    }

    @GetMapping("/deliveries")
    Mono<PageView<DeliveryView>> deliveries(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID tenantId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return webhooks.deliveries(caller, tenantId, new Paging(page, size));
    }
}
