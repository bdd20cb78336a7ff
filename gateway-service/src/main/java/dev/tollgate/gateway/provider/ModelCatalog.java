package dev.tollgate.gateway.provider;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ModelList;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Maps each public model name to the provider that serves it. The first provider to claim a name keeps it. */
@Component
public final class ModelCatalog {

    private final Map<String, ProviderClient> byModel = new LinkedHashMap<>();
    private final long listedSince = Instant.now().getEpochSecond();

    ModelCatalog(List<ProviderClient> providers) {
        providers.forEach(provider -> provider.models().forEach(model -> byModel.putIfAbsent(model, provider)));
    }

    /** The provider for {@code model}, or a 404 {@code model_not_found} exactly like OpenAI's. */
    public ProviderClient providerFor(String model) {
        ProviderClient provider = byModel.get(model);
        if (provider == null) {
            throw GatewayException.invalid(
                    ErrorCode.MODEL_NOT_FOUND,
                    "The model '%s' does not exist or you do not have access to it.".formatted(model),
                    "model");
        }
        return provider;
    }

    /** Whether {@code model} is served here; used to keep unknown names out of metric tags. */
    public boolean knows(String model) {
        return byModel.containsKey(model);
    }

    /** Every model, in OpenAI's list shape. */
    public ModelList list() {
        return ModelList.of(byModel.entrySet().stream()
                .map(entry -> ModelList.Model.of(
                        entry.getKey(), listedSince, entry.getValue().provider()))
                .toList());
    }
}
