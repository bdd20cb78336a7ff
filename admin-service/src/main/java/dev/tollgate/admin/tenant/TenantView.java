package dev.tollgate.admin.tenant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant as the API shows it and the audit log records it. */
public record TenantView(
        UUID id,
        String name,
        String slug,
        @Nullable String costCenter,
        @Nullable String contact,
        String status,
        @Nullable Integer rpmLimit,
        @Nullable Integer tpmLimit,
        Instant createdAt) {}
