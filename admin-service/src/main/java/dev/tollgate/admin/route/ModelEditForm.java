package dev.tollgate.admin.route;

import dev.tollgate.admin.route.ModelForm.CacheForm;
import dev.tollgate.admin.route.ModelForm.DeploymentForm;
import dev.tollgate.admin.route.ModelForm.FallbackForm;
import dev.tollgate.admin.route.ModelForm.RetryForm;
import dev.tollgate.admin.route.ModelView.DeploymentView;
import dev.tollgate.model.route.CacheSettings;
import dev.tollgate.model.route.Fallback;
import dev.tollgate.model.route.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The console's edit page of one model, as typed: every value a string, so a re-rendered page shows exactly what was
 * sent. Deployment and fallback rows repeat the same field names and are read by position ({@code depId} is sent for
 * every deployment row, empty for a new one, so positions line up); checkboxes carry their row's number. Blank new
 * rows and rows marked for removal are dropped; {@link ModelEditErrors} maps faults of the rows kept back to the rows
 * on the page.
 *
 * @param version the model's version the page was rendered from, so a concurrent change is noticed
 */
record ModelEditForm(
        int version,
        String strategy,
        List<DeploymentRow> deployments,
        RetryRow retry,
        CacheRow cache,
        List<FallbackRow> fallbacks) {

    private static final int BLANK_ROWS = 2;

    /** The page for {@code model} as it is now, with blank rows to add deployments and fallbacks. */
    static ModelEditForm of(ModelView model) {
        List<DeploymentRow> deployments =
                model.deployments().stream().map(DeploymentRow::of).toList();
        List<FallbackRow> fallbacks =
                model.fallbacks().stream().map(FallbackRow::of).toList();
        return new ModelEditForm(
                        model.version(),
                        model.strategy(),
                        deployments,
                        RetryRow.of(model.retry()),
                        CacheRow.of(model.cache()),
                        fallbacks)
                .withBlankRows();
    }

    static ModelEditForm from(MultiValueMap<String, String> form) {
        List<String> ids = all(form, "depId");
        List<String> removed = all(form, "depRemove");
        List<DeploymentRow> deployments = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            deployments.add(new DeploymentRow(
                    at(ids, i),
                    at(all(form, "depProvider"), i),
                    at(all(form, "depModel"), i),
                    at(all(form, "depWeight"), i),
                    at(all(form, "depPriority"), i),
                    at(all(form, "depInput"), i),
                    at(all(form, "depOutput"), i),
                    at(all(form, "depCached"), i),
                    at(all(form, "depCacheWrite"), i),
                    removed.contains(Integer.toString(i))));
        }
        List<String> models = all(form, "fbModel");
        List<FallbackRow> fallbacks = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            fallbacks.add(new FallbackRow(at(models, i), all(form, "fbOn" + i)));
        }
        RetryRow retry =
                new RetryRow(first(form, "retryMax"), first(form, "retryBackoff"), first(form, "retryMaxBackoff"));
        CacheRow cache = new CacheRow(
                first(form, "cacheMode"),
                first(form, "cacheTtl"),
                first(form, "cachePerKey"),
                first(form, "cacheSemantic"),
                first(form, "cacheThreshold"));
        return new ModelEditForm(
                ConsoleNumbers.integer(first(form, "version"), -1),
                first(form, "strategy"),
                deployments,
                retry,
                cache,
                fallbacks);
    }

    ModelEditForm withBlankRows() {
        List<DeploymentRow> rows = new ArrayList<>(deployments);
        List<FallbackRow> more = new ArrayList<>(fallbacks);
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(DeploymentRow.blank());
            more.add(new FallbackRow("", List.of()));
        }
        return new ModelEditForm(version, strategy, rows, retry, cache, more);
    }

    List<DeploymentRow> keptDeployments() {
        return deployments.stream().filter(DeploymentRow::kept).toList();
    }

    List<FallbackRow> keptFallbacks() {
        return fallbacks.stream().filter(FallbackRow::kept).toList();
    }

    /** The update this page asks for; {@code numbers} collects the fields that are not numbers, by API path. */
    ModelUpdate toUpdate(ConsoleNumbers numbers) {
        List<DeploymentForm> deploymentForms = new ArrayList<>();
        List<DeploymentRow> kept = keptDeployments();
        for (int i = 0; i < kept.size(); i++) {
            deploymentForms.add(kept.get(i).toForm(numbers.under("deployments[" + i + "].")));
        }
        List<FallbackForm> fallbackForms =
                keptFallbacks().stream().map(FallbackRow::toForm).toList();
        return new ModelUpdate(
                null,
                strategy,
                deploymentForms,
                retry.toForm(numbers.under("retry.")),
                fallbackForms,
                cache.toForm(numbers.under("cache.")));
    }

    private static List<String> all(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index).strip() : "";
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * One deployment row; {@code id} is empty for a new one, whose provider may still be chosen.
     *
     * @param remove the row's "remove" box was ticked
     */
    record DeploymentRow(
            String id,
            String providerId,
            String upstreamModel,
            String weight,
            String priority,
            String inputPrice,
            String outputPrice,
            String cachedInputPrice,
            String cacheWritePrice,
            boolean remove) {

        static DeploymentRow of(DeploymentView deployment) {
            return new DeploymentRow(
                    deployment.id().toString(),
                    deployment.providerId().toString(),
                    deployment.upstreamModel(),
                    Integer.toString(deployment.weight()),
                    Integer.toString(deployment.priority()),
                    text(deployment.inputPricePerMtok()),
                    text(deployment.outputPricePerMtok()),
                    text(deployment.cachedInputPricePerMtok()),
                    text(deployment.cacheWritePricePerMtok()),
                    false);
        }

        static DeploymentRow blank() {
            return new DeploymentRow("", "", "", "1", "0", "", "", "", "", false);
        }

        public boolean existing() {
            return !id.isBlank();
        }

        boolean kept() {
            return !remove && (existing() || !providerId.isBlank() || !upstreamModel.isBlank());
        }

        DeploymentForm toForm(ConsoleNumbers numbers) {
            return new DeploymentForm(
                    numbers.uuid("id", id),
                    numbers.uuid("provider_id", providerId),
                    upstreamModel.isBlank() ? null : upstreamModel,
                    numbers.integer("weight", weight),
                    numbers.integer("priority", priority),
                    numbers.decimal("input_price_per_mtok", inputPrice),
                    numbers.decimal("output_price_per_mtok", outputPrice),
                    numbers.decimal("cached_input_price_per_mtok", cachedInputPrice),
                    numbers.decimal("cache_write_price_per_mtok", cacheWritePrice),
                    null);
        }
    }

    /** One fallback row: the model and the conditions ticked; a row without a model is dropped. */
    record FallbackRow(String model, List<String> on) {

        static FallbackRow of(Fallback fallback) {
            return new FallbackRow(fallback.model(), fallback.on());
        }

        boolean kept() {
            return !model.isBlank();
        }

        public boolean has(String condition) {
            return on.contains(condition);
        }

        FallbackForm toForm() {
            return new FallbackForm(model, on);
        }
    }

    /** The retry fields; all three empty means the gateway's default. */
    record RetryRow(String maxRetries, String backoffMs, String maxBackoffMs) {

        static RetryRow of(@Nullable RetryPolicy retry) {
            return retry == null
                    ? new RetryRow("", "", "")
                    : new RetryRow(
                            Integer.toString(retry.maxRetries()), text(retry.backoffMs()), text(retry.maxBackoffMs()));
        }

        @Nullable
        RetryForm toForm(ConsoleNumbers numbers) {
            if (maxRetries.isBlank() && backoffMs.isBlank() && maxBackoffMs.isBlank()) {
                return null;
            }
            return new RetryForm(
                    numbers.integer("max_retries", maxRetries),
                    numbers.integer("backoff_ms", backoffMs),
                    numbers.integer("max_backoff_ms", maxBackoffMs));
        }
    }

    /**
     * The cache fields; empty means the gateway's setting.
     *
     * @param perKey {@code true}, {@code false} or empty
     * @param semantic {@code true}, {@code false} or empty
     */
    record CacheRow(String mode, String ttlSeconds, String perKey, String semantic, String similarityThreshold) {

        static CacheRow of(@Nullable CacheSettings cache) {
            return cache == null
                    ? new CacheRow("", "", "", "", "")
                    : new CacheRow(
                            text(cache.mode()),
                            text(cache.ttlSeconds()),
                            text(cache.perKey()),
                            text(cache.semantic()),
                            cache.similarityThreshold() == null
                                    ? ""
                                    : cache.similarityThreshold().toPlainString());
        }

        @Nullable
        CacheForm toForm(ConsoleNumbers numbers) {
            CacheForm form = new CacheForm(
                    mode.isBlank() ? null : mode,
                    numbers.integer("ttl_seconds", ttlSeconds),
                    flag(perKey),
                    flag(semantic),
                    numbers.decimal("similarity_threshold", similarityThreshold));
            return form.toSettings() == null ? null : form;
        }

        private static @Nullable Boolean flag(String value) {
            return value.isBlank() ? null : Boolean.valueOf(value);
        }
    }
}
