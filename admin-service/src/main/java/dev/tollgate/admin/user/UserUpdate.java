package dev.tollgate.admin.user;

import dev.tollgate.admin.security.Role;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user's new role and tenant, as put to {@code PUT /api/v1/users/{id}}.
 *
 * @param role what they may do
 * @param tenantId the one tenant they see, with the same rules as on creation
 * @param disabled {@code true} to disable, {@code false} to enable; absent leaves it as it is
 */
record UserUpdate(
        @NotNull @Nullable Role role,
        @Nullable UUID tenantId,
        @Nullable Boolean disabled) {}
