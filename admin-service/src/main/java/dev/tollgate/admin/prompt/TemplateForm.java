package dev.tollgate.admin.prompt;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new template, as posted to {@code POST /api/v1/templates}.
 *
 * @param name unique per tenant (and among platform-wide templates); letters, digits, {@code . _ -}
 * @param tenantId the owning tenant; absent means platform-wide for a platform admin, and the caller's own tenant
 *     for a tenant admin
 */
record TemplateForm(
        @NotNull
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
                message = "must be letters, digits, '.', '_' or '-', at most 100")
        @Nullable
        String name,

        @Nullable UUID tenantId) {}
