package dev.tollgate.admin.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new password, as posted to {@code POST /api/v1/users/{id}/password}. At most 72 characters because bcrypt reads
 * no further.
 *
 * @param password the new password
 */
record PasswordForm(
        @NotBlank @Size(min = 12, max = 72) @Nullable String password) {

    @Override
    public String toString() {
        return "PasswordForm[…]";
    }
}
