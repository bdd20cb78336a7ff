package dev.tollgate.admin.user;

import dev.tollgate.admin.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new admin user, as posted to {@code POST /api/v1/users} and by the console's form.
 *
 * @param email what they sign in with; unique without regard to case
 * @param role what they may do
 * @param tenantId the one tenant they see: required for {@code TENANT_ADMIN}, forbidden for {@code PLATFORM_ADMIN},
 *     optional otherwise (absent means every tenant)
 * @param password their first password; absent to have one generated and shown once
 */
record UserForm(
        @NotBlank @Email @Size(max = 320) @Nullable String email,
        @NotNull @Nullable Role role,
        @Nullable UUID tenantId,
        @Size(min = 12, max = 72) @Nullable String password) {

    @Override
    public String toString() {
        return "UserForm[email=" + email + ", role=" + role + "]";
    }
}
