package dev.tollgate.admin.prompt;

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

/** REST API for prompt templates, their versions and labels. */
@RestController
@RequestMapping("/api/v1/templates")
class TemplateController {

    private final TemplateService templates;
    private final VersionService versions;
    private final SplitService splits;

    TemplateController(TemplateService templates, VersionService versions, SplitService splits) {
        this.templates = templates;
        this.versions = versions;
        this.splits = splits;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TemplateView> create(
            @AuthenticationPrincipal Caller caller, ServerHttpRequest request, @Valid @RequestBody TemplateForm form) {
        return templates.create(caller, Actor.of(caller.email(), request), form);
    }

    @GetMapping
    Mono<PageView<TemplateView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return templates.list(caller, new Paging(page, size));
    }

    @GetMapping("/{templateId}")
    Mono<TemplateDetail> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID templateId) {
        return templates.detail(caller, templateId);
    }

    @PostMapping("/{templateId}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<VersionView> createDraft(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @RequestBody VersionForm form) {
        return versions.createDraft(caller, Actor.of(caller.email(), request), templateId, form);
    }

    @GetMapping("/{templateId}/versions/{version}")
    Mono<VersionView> version(
            @AuthenticationPrincipal Caller caller, @PathVariable UUID templateId, @PathVariable int version) {
        return versions.get(caller, templateId, version);
    }

    @PutMapping("/{templateId}/versions/{version}")
    Mono<VersionView> updateDraft(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable int version,
            @RequestBody VersionForm form) {
        return versions.updateDraft(caller, Actor.of(caller.email(), request), templateId, version, form);
    }

    @PostMapping("/{templateId}/versions/{version}/publish")
    Mono<VersionView> publish(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable int version) {
        return versions.publish(caller, Actor.of(caller.email(), request), templateId, version);
    }

    @PostMapping("/{templateId}/versions/{version}/preview")
    Mono<RenderedPrompt> preview(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID templateId,
            @PathVariable int version,
            @RequestBody PreviewForm form) {
        return versions.preview(caller, templateId, version, form.variables());
    }

    @GetMapping("/{templateId}/versions/{from}/diff/{to}")
    Mono<VersionDiff> diff(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID templateId,
            @PathVariable int from,
            @PathVariable int to) {
        return versions.diff(caller, templateId, from, to);
    }

    @PutMapping("/{templateId}/labels/{label}")
    Mono<LabelView> moveLabel(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable String label,
            @Valid @RequestBody LabelForm form) {
        return templates.moveLabel(caller, Actor.of(caller.email(), request), templateId, label, form.version());
    }

    /** Shares the label's traffic between published versions by weight (an A/B test of prompts). */
    @PutMapping("/{templateId}/splits/{label}")
    Mono<SplitView> split(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable String label,
            @RequestBody SplitForm form) {
        return splits.split(caller, Actor.of(caller.email(), request), templateId, label, form);
    }

    @DeleteMapping("/{templateId}/splits/{label}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> endSplit(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable String label) {
        return splits.end(caller, Actor.of(caller.email(), request), templateId, label);
    }
}
