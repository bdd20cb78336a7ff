package dev.tollgate.admin.prompt;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A prompt template as lists show it and the audit log records it.
 *
 * @param tenantId the owning tenant; {@code null} for a platform-wide template
 * @param latestVersion the highest version number, 0 before the first draft
 */
record TemplateView(
        UUID id, @Nullable UUID tenantId, String name, String createdBy, Instant createdAt, int latestVersion) {}
