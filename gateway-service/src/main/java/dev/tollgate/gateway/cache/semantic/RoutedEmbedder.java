package dev.tollgate.gateway.cache.semantic;

import dev.tollgate.gateway.provider.CallContext;
import dev.tollgate.gateway.routing.Router;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Embeds prompts with an embeddings route the gateway serves ({@code tollgate.cache.semantic.embedding-model}),
 * through the same provider client a caller's {@code /v1/embeddings} request would use. These calls are the gateway's
 * own: no key's limits or budgets are charged and no usage event is written.
 */
final class RoutedEmbedder implements PromptEmbedder {

    private final Router router;
    private final String model;
    private final Scheduler scheduler;

    RoutedEmbedder(Router router, String model, Scheduler scheduler) {
        this.router = router;
        this.model = model;
        this.scheduler = scheduler;
    }

    @Override
    public String id() {
        return "route:" + model;
    }

    @Override
    public Mono<float[]> embed(String text) {
        return router.serving(model)
                .flatMap(route -> route.primary().client().embed(request(text), context()))
                .publishOn(scheduler)
                .map(RoutedEmbedder::vector);
    }

    private EmbeddingRequest request(String text) {
        return new EmbeddingRequest(model, text, "float", null, null, Map.of());
    }

    private static CallContext context() {
        return new CallContext("tollgate-semantic-cache-" + UUID.randomUUID());
    }

    private static float[] vector(EmbeddingResponse response) {
        if (response.data() == null
                || response.data().isEmpty()
                || !(response.data().getFirst().embedding() instanceof List<?> values)) {
            throw new IllegalStateException("the embeddings route answered without a vector");
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = ((Number) values.get(i)).floatValue();
        }
        return PromptEmbedder.normalised(vector);
    }
}
