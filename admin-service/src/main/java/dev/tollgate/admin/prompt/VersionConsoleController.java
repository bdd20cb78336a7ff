package dev.tollgate.admin.prompt;

import dev.tollgate.admin.audit.Actor;
import dev.tollgate.admin.security.Caller;
import dev.tollgate.admin.system.AdminException;
import dev.tollgate.model.prompt.PromptVariable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Console pages for one version: the draft editor, the publish button's target and the preview form. */
@Controller
class VersionConsoleController {

    private final TemplateService templates;
    private final VersionService versions;

    VersionConsoleController(TemplateService templates, VersionService versions) {
        this.templates = templates;
        this.versions = versions;
    }

    @GetMapping("/templates/{templateId}/versions/new")
    Mono<String> editor(@AuthenticationPrincipal Caller caller, @PathVariable UUID templateId, Model model) {
        return templates
                .detail(caller, templateId)
                .doOnNext(detail -> requireManager(caller, detail))
                .doOnNext(detail -> model.addAttribute("detail", detail))
                .map(detail -> VersionPageForm.startingFrom(detail.latest()))
                .map(form -> editorPage(model, form, Map.of()));
    }

    @PostMapping("/templates/{templateId}/versions")
    Mono<String> createDraft(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            ServerWebExchange exchange,
            @PathVariable UUID templateId,
            Model model) {
        Actor actor = Actor.of(caller.email(), request);
        return exchange.getFormData()
                .map(VersionPageForm::from)
                .flatMap(form -> draft(caller, actor, templateId, model, form));
    }

    @PostMapping("/templates/{templateId}/versions/{version}/publish")
    Mono<String> publish(
            @AuthenticationPrincipal Caller caller,
            ServerHttpRequest request,
            @PathVariable UUID templateId,
            @PathVariable int version) {
        return versions.publish(caller, Actor.of(caller.email(), request), templateId, version)
                .map(published -> "redirect:/templates/" + templateId + "?published=" + version);
    }

    @GetMapping("/templates/{templateId}/versions/{version}/preview")
    Mono<String> previewForm(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID templateId,
            @PathVariable int version,
            Model model) {
        return load(caller, templateId, version, model)
                .doOnNext(found -> model.addAttribute("values", texts(found, null)))
                .thenReturn("prompts/preview");
    }

    @PostMapping("/templates/{templateId}/versions/{version}/preview")
    Mono<String> preview(
            @AuthenticationPrincipal Caller caller,
            ServerWebExchange exchange,
            @PathVariable UUID templateId,
            @PathVariable int version,
            Model model) {
        return exchange.getFormData()
                .flatMap(form -> rendered(caller, templateId, version, model, form))
                .thenReturn("prompts/preview");
    }

    private Mono<String> draft(Caller caller, Actor actor, UUID templateId, Model model, VersionPageForm form) {
        return templates
                .detail(caller, templateId)
                .doOnNext(detail -> model.addAttribute("detail", detail))
                .then(Mono.fromCallable(form::toVersionForm))
                .flatMap(draft -> versions.createDraft(caller, actor, templateId, draft))
                .map(created -> "redirect:/templates/" + templateId + "?drafted=" + created.version())
                .onErrorResume(AdminException.class, refused -> refusedDraft(model, form, refused));
    }

    private Mono<VersionView> rendered(
            Caller caller, UUID templateId, int version, Model model, MultiValueMap<String, String> form) {
        return load(caller, templateId, version, model).doOnNext(found -> showRendered(model, found, form));
    }

    private Mono<VersionView> load(Caller caller, UUID templateId, int version, Model model) {
        return templates
                .detail(caller, templateId)
                .doOnNext(detail -> model.addAttribute("detail", detail))
                .then(versions.get(caller, templateId, version))
                .doOnNext(found -> model.addAttribute("version", found));
    }

    /** Renders with the typed sample values; a refused value puts the errors in the model instead. */
    private static void showRendered(Model model, VersionView version, MultiValueMap<String, String> form) {
        Map<String, String> texts = texts(version, form);
        model.addAttribute("values", texts);
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (PromptVariable variable : version.variables()) {
            values.put(variable.name(), VariableValues.fromText(variable.type(), texts.get(variable.name())));
        }
        try {
            model.addAttribute("rendered", VersionService.render(version, values));
        } catch (AdminException refused) {
            model.addAttribute("errors", errorMap(refused));
        }
    }

    /** The text per variable for the form: what was typed, else the default as text. */
    private static Map<String, String> texts(VersionView version, @Nullable MultiValueMap<String, String> form) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (PromptVariable variable : version.variables()) {
            String typed = form == null ? null : form.getFirst("var." + variable.name());
            Object fallback = variable.defaultValue();
            texts.put(variable.name(), typed != null ? typed : fallback == null ? "" : String.valueOf(fallback));
        }
        return texts;
    }

    private static String editorPage(Model model, VersionPageForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", VersionRules.ROLES);
        model.addAttribute("types", VersionRules.TYPES);
        return "prompts/editor";
    }

    private static Mono<String> refusedDraft(Model model, VersionPageForm form, AdminException refused) {
        if (refused.status() != HttpStatus.BAD_REQUEST) {
            return Mono.error(refused);
        }
        return Mono.just(editorPage(model, form.withBlankRows(), form.onPage(errorMap(refused))));
    }

    private static Map<String, String> errorMap(AdminException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        refused.errors().forEach(error -> errors.put(error.get("field"), error.get("message")));
        if (errors.isEmpty()) {
            errors.put("", String.valueOf(refused.getMessage()));
        }
        return errors;
    }

    private static void requireManager(Caller caller, TemplateDetail detail) {
        if (!TemplateService.manages(caller, detail.template())) {
            throw AdminException.forbidden("Your role may not change this template.");
        }
    }
}
