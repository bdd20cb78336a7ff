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
 * @param splits label → versions sharing its traffic by weight (A/B tests of prompts); a label listed here is
 *     served by a weighted draw among its versions instead of its single {@code labels} version, which stays the
 *     version shown as the label's main one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateSnapshot(
        @JsonProperty("template_id") String templateId,
        String name,
        @JsonProperty("tenant_id") @Nullable String tenantId,
        List<PublishedPrompt> versions,
        Map<String, Integer> labels,
        Map<String, List<LabelSplit>> splits) {

    public TemplateSnapshot {
        splits = splits == null ? Map.of() : Map.copyOf(splits);
    }

    /** A snapshot whose labels each point at one version. */
    public TemplateSnapshot(
            String templateId,
            String name,
            @Nullable String tenantId,
            List<PublishedPrompt> versions,
            Map<String, Integer> labels) {
        this(templateId, name, tenantId, versions, labels, Map.of());
    }

    /**
     * One version's share of a label's traffic.
     *
     * @param version a published version
     * @param weight its share relative to the other versions of the label, at least 1
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LabelSplit(int version, int weight) {}
}
