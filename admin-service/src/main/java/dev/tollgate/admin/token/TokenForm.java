package dev.tollgate.admin.token;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A new API token, as posted to {@code POST /api/v1/tokens}. It carries the rights of the user who issues it, never
 * more.
 *
 * @param name what it is for
 * @param expiresAt when it stops working: required, and at most a year ahead
 * @param scope {@code read} for GET routes only, {@code write} for everything the user may do
 */
record TokenForm(
        @NotBlank @Size(max = 200) @Nullable String name,
        @NotNull @Future @Nullable Instant expiresAt,

        @NotNull @Pattern(regexp = "^(read|write)$", message = "must be read or write") @Nullable
        String scope) {}
