package dev.tollgate.admin.prompt;

import dev.tollgate.model.prompt.PromptMessage;
import dev.tollgate.model.prompt.PromptVariable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a template as the API shows it and the audit log records it.
 *
 * @param status {@code draft} (may still change) or {@code published} (never changes again)
 * @param overridable the parameters a client may override
 */
record VersionView(
        UUID templateId,
        int version,
        List<PromptMessage> messages,
        String model,
        Map<String, Object> parameters,
        List<PromptVariable> variables,
        String status,
        String createdBy,
        Instant createdAt,
        @Nullable Instant publishedAt,
        List<String> overridable) {

    static final String PUBLISHED = "published";

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
