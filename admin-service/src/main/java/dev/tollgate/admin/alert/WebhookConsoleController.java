package dev.tollgate.admin.alert;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.admin.system.Paging;
import dev.tollgate.admin.tenant.TenantService;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * Console pages for alert webhooks: a tenant's webhook form with its recent deliveries, the page that shows a new
 * signing secret once, and the delivery log across tenants.
 */
@Controller
class WebhookConsoleController {

    private static final int PAGE_SIZE = 25;

    private final WebhookService webhooks;
    private final TenantService tenants;

    WebhookConsoleController(WebhookService webhooks, TenantService tenants) {
        this.webhooks = webhooks;
        this.tenants = tenants;
    }

    @GetMapping("/tenants/{tenantId}/webhook")
    Mono<String> page(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID tenantId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        return webhooks.get(caller, tenantId)
                .doOnNext(webhook -> model.addAttribute("form", WebhookPageForm.of(webhook)))
                .flatMap(webhook -> webhookPage(caller, tenantId, page, model, webhook));
    }

    @PostMapping("/tenants/{tenantId}/webhook")
    Mono<String> save(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID tenantId,
            @Valid @ModelAttribute("form") WebhookPageForm form,
            BindingResult errors,
            Model model) {
        if (errors.hasErrors()) {
            return webhooks.get(caller, tenantId).flatMap(webhook -> webhookPage(caller, tenantId, 0, model, webhook));
        }
        // Deferred: the service refuses a caller before it builds its Mono.
        return Mono.defer(
                        () -> webhooks.save(caller, Actor.of(caller.email(), request), tenantId, form.toWebhookForm()))
                .flatMap(saved -> saved.secret() == null
                        ? Mono.just("redirect:/tenants/" + tenantId + "/webhook?saved")
                        : secretPage(tenantId, saved, "created", model))
                .onErrorResume(
                        WebhookConsoleController::isBadRequest,
                        invalid -> webhooks.get(caller, tenantId)
                                .flatMap(webhook -> rejected(caller, tenantId, model, webhook, errors, invalid)));
    }

    @PostMapping("/tenants/{tenantId}/webhook/rotate")
    Mono<String> rotate(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID tenantId,
            Model model) {
        return Mono.defer(() -> webhooks.rotateSecret(caller, Actor.of(caller.email(), request), tenantId))
                .flatMap(saved -> secretPage(tenantId, saved, "rotated", model));
    }

    @PostMapping("/tenants/{tenantId}/webhook/delete")
    Mono<String> delete(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @PathVariable UUID tenantId) {
        return Mono.defer(() -> webhooks.delete(caller, Actor.of(caller.email(), request), tenantId))
                .thenReturn("redirect:/tenants/" + tenantId + "/webhook?deleted");
    }

    @PostMapping("/tenants/{tenantId}/webhook/test")
    Mono<String> test(@AuthenticationPrincipal Caller caller, @PathVariable UUID tenantId) {
        return Mono.defer(() -> webhooks.sendTest(caller, tenantId))
                .map(attempt -> "redirect:/tenants/" + tenantId + "/webhook?tested="
                        + (attempt.succeeded() ? "ok" : "failed")
                        + (attempt.statusCode() == null ? "" : "&code=" + attempt.statusCode()))
                .onErrorResume(
                        WebhookConsoleController::isBadRequest,
                        refused -> Mono.just("redirect:/tenants/" + tenantId + "/webhook?tested=refused"));
    }

    @GetMapping("/alerts")
    Mono<String> alerts(
            @AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "0") int page, Model model) {
        return webhooks.allDeliveries(caller, new Paging(page, PAGE_SIZE))
                .doOnNext(found -> model.addAttribute("deliveries", found))
                .thenReturn("alerts/list");
    }

    private Mono<String> webhookPage(Caller caller, UUID tenantId, int page, Model model, WebhookView webhook) {
        model.addAttribute("webhook", webhook);
        model.addAttribute("manages", WebhookService.manages(caller));
        return tenants.get(caller, tenantId)
                .doOnNext(tenant -> model.addAttribute("tenant", tenant))
                .then(webhooks.deliveries(caller, tenantId, new Paging(page, PAGE_SIZE)))
                .doOnNext(found -> model.addAttribute("deliveries", found))
                .thenReturn("alerts/webhook");
    }

    private Mono<String> rejected(
            Caller caller, UUID tenantId, Model model, WebhookView webhook, BindingResult errors, Throwable invalid) {
        AdminException refused = (AdminException) invalid;
        String message = refused.errors().isEmpty()
                ? String.valueOf(refused.getMessage())
                : refused.errors().getFirst().get("message");
        errors.rejectValue("url", "invalid", message);
        return webhookPage(caller, tenantId, 0, model, webhook);
    }

    private Mono<String> secretPage(UUID tenantId, WebhookSaved saved, String how, Model model) {
        model.addAttribute("tenantId", tenantId);
        model.addAttribute("secret", saved.secret());
        model.addAttribute("how", how);
        return Mono.just("alerts/secret");
    }

    private static boolean isBadRequest(Throwable failure) {
        return failure instanceof AdminException admin && admin.status() == HttpStatus.BAD_REQUEST;
    }
}
