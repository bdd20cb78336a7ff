package dev.tollgate.admin.token;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The console's new-token form. It differs from {@link TokenForm} only in the expiry, a date: the token stops working
 * at the start of that day, UTC.
 */
record TokenPageForm(
        @NotBlank @Size(max = 200) @Nullable String name,

        @NotNull @Pattern(regexp = "^(read|write)$", message = "must be read or write") @Nullable
        String scope,

        @NotNull @Future(message = "must be a date after today") @Nullable
        LocalDate expiresOn) {

    static TokenPageForm empty() {
        return new TokenPageForm(null, "read", LocalDate.now(ZoneOffset.UTC).plusDays(90));
    }

    TokenForm toTokenForm() {
        LocalDate day = expiresOn == null ? LocalDate.now(ZoneOffset.UTC) : expiresOn;
        return new TokenForm(name, day.atStartOfDay(ZoneOffset.UTC).toInstant(), scope);
    }
}
