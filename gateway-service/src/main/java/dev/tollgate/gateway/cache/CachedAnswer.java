package dev.tollgate.gateway.cache;

import dev.tollgate.gateway.usage.Tokens;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A provider's answer as the cache keeps it: the whole completion for a plain request, the chunks for a stream (a
 * stream is replayed with the chunks it was sent as), and the usage it cost when it was generated.
 *
 * @param tokens what the answer used when a provider made it, which a hit saves
 * @param completion the answer of a non-streaming request
 * @param chunks the answer of a streaming request, every chunk the provider sent, its usage chunk included
 * @param kind how a lookup found it: {@value #HIT} (the same request) or {@value #SEMANTIC_HIT} (a near-duplicate
 *     prompt); the value of the {@code x-tollgate-cache} response header and of the usage event's {@code cache_hit}
 */
public record CachedAnswer(
        Tokens tokens, @Nullable ChatCompletion completion, List<ChatCompletionChunk> chunks, String kind) {

    public static final String HIT = "hit";
    public static final String SEMANTIC_HIT = "semantic-hit";

    public CachedAnswer {
        chunks = List.copyOf(chunks);
    }

    /** A non-streaming answer. */
    public static CachedAnswer of(ChatCompletion completion, Tokens tokens) {
        return new CachedAnswer(tokens, completion, List.of(), HIT);
    }

    /** A streamed answer. */
    public static CachedAnswer streamed(List<ChatCompletionChunk> chunks, Tokens tokens) {
        return new CachedAnswer(tokens, null, chunks, HIT);
    }

    /** The same answer, found for a near-duplicate prompt. */
    CachedAnswer semantic() {
        return new CachedAnswer(tokens, completion, chunks, SEMANTIC_HIT);
    }
}
