package dev.tollgate.gateway.cache.semantic;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The in-process embedder: all-MiniLM-L6-v2, quantised, run by ONNX Runtime from the model shipped in its Maven
 * artifact, so it needs no provider and no network. 384 dimensions; a short prompt takes a few milliseconds of one
 * core. The model (about 23 MB) is loaded once, on first use, on the embedding scheduler.
 */
final class MiniLmEmbedder implements PromptEmbedder {

    static final String ID = "all-minilm-l6-v2-q";

    private final Scheduler scheduler;
    private final Mono<EmbeddingModel> model;

    MiniLmEmbedder(Scheduler scheduler) {
        this.scheduler = scheduler;
        // cache(): one load, shared by every caller; a caller arriving during the load waits for it.
        this.model = Mono.<EmbeddingModel>fromCallable(AllMiniLmL6V2QuantizedEmbeddingModel::new)
                .subscribeOn(scheduler)
                .cache();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Mono<float[]> embed(String text) {
        return model.publishOn(scheduler).map(loaded -> vector(loaded, text));
    }

    /** Loads the model now, so the first request does not wait for it. */
    Mono<Void> load() {
        return model.then();
    }

    private static float[] vector(EmbeddingModel model, String text) {
        return PromptEmbedder.normalised(model.embed(text).content().vector());
    }
}
