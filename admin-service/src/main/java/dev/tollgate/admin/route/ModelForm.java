package dev.tollgate.admin.route;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new public model, as posted to {@code POST /api/v1/models}. Prices are USD per million tokens and may be sent as
 * JSON numbers or decimal strings.
 *
 * @param name the public model name clients send
 * @param strategy {@code priority} (lowest priority first) or {@code weighted}
 * @param deployments the upstreams that serve it
 */
record ModelForm(
        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$",
                message = "must be 1 to 128 letters, digits or ._:/- and start with a letter or digit")
        @Nullable
        String name,

        @Pattern(regexp = "^(priority|weighted)$", message = "must be priority or weighted") @Nullable
        String strategy,

        @NotEmpty @Size(max = 20) @Nullable List<@Valid @NotNull DeploymentForm> deployments) {

    /**
     * @param providerId the provider account to call
     * @param upstreamModel the model name sent upstream
     * @param weight share of traffic under {@code weighted}; default 1
     * @param priority order under {@code priority}, lowest first; default 0
     * @param effectiveFrom when these prices start to apply; default now
     */
    record DeploymentForm(
            @NotNull @Nullable UUID providerId,
            @NotBlank @Size(max = 200) @Nullable String upstreamModel,
            @Min(0) @Nullable Integer weight,
            @Nullable Integer priority,

            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
            BigDecimal inputPricePerMtok,

            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
            BigDecimal outputPricePerMtok,

            @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
            BigDecimal cachedInputPricePerMtok,

            @Nullable Instant effectiveFrom) {}
}
