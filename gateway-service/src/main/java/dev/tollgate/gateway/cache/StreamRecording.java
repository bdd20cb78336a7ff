package dev.tollgate.gateway.cache;

import dev.tollgate.gateway.usage.Tokens;
import dev.tollgate.model.openai.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunks of one stream, kept so that a complete stream can be cached. Used by one stream at a time, in order,
 * like the stream's usage tally. A stream longer than {@link #MAX_CHUNKS} is not kept: it is not worth the memory.
 */
public final class StreamRecording {

    static final int MAX_CHUNKS = 10_000;

    private final List<ChatCompletionChunk> chunks = new ArrayList<>();
    private boolean overflowed;

    /** Keeps {@code chunk} and passes it on. */
    public ChatCompletionChunk observe(ChatCompletionChunk chunk) {
        if (chunks.size() < MAX_CHUNKS) {
            chunks.add(chunk);
        } else {
            overflowed = true;
        }
        return chunk;
    }

    /** The whole stream as an answer to cache, or an empty answer when the stream was too long to keep. */
    public CachedAnswer answer(Tokens tokens) {
        return CachedAnswer.streamed(overflowed ? List.of() : chunks, tokens);
    }
}
