package dev.tollgate.gateway.cache.semantic;

import reactor.core.publisher.Mono;

/** Turns a prompt into a unit-length vector, off the event loop. */
interface PromptEmbedder {

    /** Names the model, so that vectors of different models are never compared. */
    String id();

    /** The prompt's embedding, normalised to length 1. */
    Mono<float[]> embed(String text);

    /** Scales {@code vector} to length 1 in place and returns it; a zero vector stays as it is. */
    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float value : vector) {
            sum += value * value;
        }
        if (sum > 0) {
            float scale = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }
}
