package dev.tollgate.admin.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new virtual key, as posted to {@code POST /api/v1/tenants/{tenant_id}/keys}. The tenant comes from the path and
 * the creator from the API token, never from the body.
 *
 * @param name the application the key is for
 * @param owner who is responsible for it
 * @param models public model names it may call; {@code "*"} for all
 * @param rpmLimit requests per minute; absent for no limit
 * @param tpmLimit tokens per minute; absent for no limit
 * @param maxTokens cap on output tokens per request
 * @param expiresAt when the key stops working; absent for never
 * @param cache how the response cache treats its requests; absent for the route's settings
 */
record KeyForm(
        @NotBlank @Size(max = 200) @Nullable String name,
        @Size(max = 320) @Nullable String owner,

        @NotEmpty @Size(max = 100) @Nullable
        List<@NotBlank @Pattern(regexp = "^(\\*|[A-Za-z0-9][A-Za-z0-9._:/-]{0,127})$") String> models,

        @Min(0) @Nullable Integer rpmLimit,
        @Min(0) @Nullable Integer tpmLimit,
        @Min(1) @Nullable Integer maxTokens,
        @Future @Nullable Instant expiresAt,
        @Valid @Nullable CacheForm cache) {}
