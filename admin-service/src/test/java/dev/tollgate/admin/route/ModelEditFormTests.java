package dev.tollgate.admin.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ModelEditFormTests {

    static final String PROVIDER = UUID.randomUUID().toString();
    static final String EXISTING = UUID.randomUUID().toString();

    @Test
    void dropsBlankAndRemovedRowsAndReadsTheRestAsAnUpdate() {
        MultiValueMap<String, String> posted = posted();

        ConsoleNumbers numbers = ConsoleNumbers.collecting();
        ModelUpdate update = ModelEditForm.from(posted).toUpdate(numbers);

        assertThat(numbers.errors()).isEmpty();
        assertThat(update.strategy()).isEqualTo("weighted");
        assertThat(update.deployments()).hasSize(1);
        assertThat(update.deployments().getFirst().upstreamModel()).isEqualTo("new-model");
        assertThat(update.deployments().getFirst().inputPricePerMtok()).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(update.deployments().getFirst().cachedInputPricePerMtok()).isNull();
        assertThat(update.deployments().getFirst().cacheWritePricePerMtok())
                .isEqualByComparingTo(new BigDecimal("0.625"));
        assertThat(update.retry()).isNull();
        assertThat(update.cache()).isNull();
        assertThat(update.fallbacks()).hasSize(1);
        assertThat(update.fallbacks().getFirst().model()).isEqualTo("claude");
        assertThat(update.fallbacks().getFirst().on()).containsExactly("timeout", "unavailable");
    }

    @Test
    void mapsFaultsOfKeptRowsBackToTheRowsOnThePage() {
        MultiValueMap<String, String> posted = posted();
        posted.set("depWeight", "x");
        ModelEditForm form = ModelEditForm.from(posted);

        ConsoleNumbers numbers = ConsoleNumbers.collecting();
        form.toUpdate(numbers);
        Map<String, String> onPage = ModelEditErrors.onPage(
                form, Map.of("deployments[0].upstream_model", "is bad", "fallbacks[0].on[1]", "is listed twice"));

        assertThat(numbers.errors()).isEmpty(); // the first row, whose weight is "x", was removed
        assertThat(onPage)
                .containsEntry("deployments[2].upstream_model", "is bad")
                .containsEntry("fallbacks[1].on", "is listed twice");
        assertThat(ModelEditErrors.unplaced(Map.of("deployments[0].effective_from", "is in the past", "", "stale")))
                .containsExactlyInAnyOrder("deployments[0].effective from is in the past", "stale");
    }

    @Test
    void namesWhatIsNotANumber() {
        MultiValueMap<String, String> posted = posted();
        posted.set("retryMax", "two");
        posted.set("cacheThreshold", "high");
        posted.get("depCacheWrite").set(2, "dear");

        ConsoleNumbers numbers = ConsoleNumbers.collecting();
        ModelEditForm.from(posted).toUpdate(numbers);

        assertThat(numbers.errors())
                .containsOnlyKeys(
                        "retry.max_retries", "cache.similarity_threshold", "deployments[0].cache_write_price_per_mtok");
    }

    private static MultiValueMap<String, String> posted() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("version", "4");
        form.add("strategy", "weighted");
        row(form, EXISTING, PROVIDER, "old-model", "", "");
        row(form, "", "", "", "", "");
        row(form, "", PROVIDER, "new-model", "0.5", "0.625");
        form.add("depRemove", "0");
        form.add("retryMax", "");
        form.add("fbModel", "");
        form.add("fbModel", "claude");
        form.add("fbOn1", "timeout");
        form.add("fbOn1", "unavailable");
        form.add("cacheMode", "");
        return form;
    }

    private static void row(
            MultiValueMap<String, String> form,
            String id,
            String provider,
            String model,
            String input,
            String cacheWrite) {
        form.add("depId", id);
        form.add("depProvider", provider);
        form.add("depModel", model);
        form.add("depWeight", "1");
        form.add("depPriority", "0");
        form.add("depInput", input);
        form.add("depOutput", input);
        form.add("depCached", "");
        form.add("depCacheWrite", cacheWrite);
    }
}
