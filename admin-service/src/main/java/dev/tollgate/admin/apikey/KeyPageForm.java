package dev.tollgate.admin.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The console's issue-key form. It differs from {@link KeyForm} only where a browser form does: the expiry is a date
 * (the key stops working at the start of that day, UTC), the models come from a multi-select, and the cache fields
 * offer "as the route says".
 */
record KeyPageForm(
        @NotBlank @Size(max = 200) @Nullable String name,
        @Size(max = 320) @Nullable String owner,

        @NotEmpty(message = "choose at least one model") @Size(max = 100) @Nullable
        List<@NotBlank @Pattern(regexp = "^(\\*|[A-Za-z0-9][A-Za-z0-9._:/-]{0,127})$") String> models,

        @Min(0) @Nullable Integer rpmLimit,
        @Min(0) @Nullable Integer tpmLimit,
        @Min(1) @Nullable Integer maxTokens,

        @Future(message = "must be a date after today") @Nullable
        LocalDate expiresOn,

        @Valid @Nullable CachePageForm cache) {

    KeyPageForm {
        cache = cache == null ? CachePageForm.INHERITED : cache;
    }

    static KeyPageForm empty() {
        return new KeyPageForm(null, null, List.of(), null, null, null, null, null);
    }

    KeyForm toKeyForm() {
        return new KeyForm(
                name,
                owner == null || owner.isBlank() ? null : owner.strip(),
                models,
                rpmLimit,
                tpmLimit,
                maxTokens,
                expiresOn == null
                        ? null
                        : expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant(),
                cache == null ? null : cache.toCacheForm());
    }
}
