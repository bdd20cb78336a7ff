package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The console's new-model form: a public name and one deployment. More deployments, retries, fallbacks and cache
 * settings are added on the model's edit page ({@link ModelEditForm}) or through the REST API.
 * Prices are USD per million tokens.
 */
record ModelPageForm(
        @NotBlank
        @Pattern(
                regexp = "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$",
                message = "must be 1 to 128 letters, digits or ._:/- and start with a letter or digit")
        @Nullable
        String name,

        @Pattern(
                regexp = "^(priority|weighted|latency|least-busy|cost)$",
                message = "must be one of priority, weighted, latency, least-busy, cost")
        @Nullable
        String strategy,

        @NotNull(message = "choose a provider") @Nullable UUID providerId,
        @NotBlank @Size(max = 200) @Nullable String upstreamModel,
        @Min(0) @Nullable Integer weight,
        @Nullable Integer priority,

        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
        BigDecimal inputPrice,

        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
        BigDecimal outputPrice,

        @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
        BigDecimal cachedInputPrice,

        @DecimalMin("0") @Digits(integer = 10, fraction = 10) @Nullable
        BigDecimal cacheWritePrice) {

    static ModelPageForm empty() {
        return new ModelPageForm(null, "priority", null, null, 1, 0, null, null, null, null);
    }

    ModelForm toModelForm() {
        DeploymentForm deployment = new DeploymentForm(
                null,
                providerId,
                upstreamModel,
                weight,
                priority,
                inputPrice,
                outputPrice,
                cachedInputPrice,
                cacheWritePrice,
                null);
        return new ModelForm(name, strategy, List.of(deployment));
    }
}
