package dev.tollgate.admin.prompt;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template with its versions (newest first), labels, and the labels that split their traffic between versions, as
 * {@code GET /api/v1/templates/{id}} answers it.
 */
record TemplateDetail(
        TemplateView template, List<VersionView> versions, List<LabelView> labels, List<SplitView> splits) {

    /** The newest version, which a new draft starts from; {@code null} before the first. */
    @Nullable
    VersionView latest() {
        return versions.isEmpty() ? null : versions.getFirst();
    }
}
