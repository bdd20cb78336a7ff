package dev.tollgate.model.prompt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A prompt template's published versions and the labels that point at them. Drafts never leave the control plane.
 *
 * @param templateId the template's id
 * @param name its name, unique per tenant (and among platform-wide templates)
 * @param tenantId the owning tenant; {@code null} for a platform-wide template
 * @param versions every published version, ascending; each is immutable
 * @param labels label (such as {@code production}) → the version it points at
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateSnapshot(
        @JsonProperty("template_id") String templateId,
        String name,
        @JsonProperty("tenant_id") @Nullable String tenantId,
        List<PublishedPrompt> versions,
        Map<String, Integer> labels) {}
