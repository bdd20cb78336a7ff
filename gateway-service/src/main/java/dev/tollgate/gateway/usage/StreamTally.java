package dev.tollgate.gateway.usage;

import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.Usage;
import org.jspecify.annotations.Nullable;

/**
 * Counts one stream as it passes: the provider's usage report when one arrives, otherwise the output tokens of every
 * chunk, so a stream cut by the client or the provider is still billed for what was generated; and the time to the
 * first chunk. Chunks arrive one at a time (Reactive Streams serialises them), but a cancel may read the tally from
 * another thread, hence the volatile fields.
 */
public final class StreamTally {

    private final TokenMeter meter;
    private final MeteredCall call;
    private volatile @Nullable Usage reported;
    private volatile long counted;
    private volatile @Nullable Long ttftMillis;
    private volatile @Nullable ChatCompletionChunk last;

    StreamTally(TokenMeter meter, MeteredCall call) {
        this.meter = meter;
        this.call = call;
    }

    /** Takes note of {@code chunk} and returns it unchanged. */
    public ChatCompletionChunk observe(ChatCompletionChunk chunk) {
        if (ttftMillis == null) {
            ttftMillis = (System.nanoTime() - call.context().startedNanos()) / 1_000_000;
        }
        if (chunk.usage() != null) {
            reported = chunk.usage();
        }
        counted += meter.completion(chunk, call.meteredModel());
        last = chunk;
        return chunk;
    }

    /**
     * A usage-only chunk like OpenAI's last one, with the gateway's own counts, for a caller that asked for usage
     * from a provider that sent none (one that ignores or refuses {@code stream_options}); empty when the provider
     * reported usage or nothing was streamed.
     */
    public java.util.Optional<ChatCompletionChunk> countedUsage() {
        ChatCompletionChunk seen = last;
        if (reported != null || seen == null) {
            return java.util.Optional.empty();
        }
        Tokens tokens = tokens();
        return java.util.Optional.of(new ChatCompletionChunk(
                seen.id(),
                seen.object(),
                seen.created(),
                seen.model(),
                java.util.List.of(),
                Usage.of((int) tokens.prompt(), (int) tokens.completion()),
                seen.systemFingerprint(),
                seen.serviceTier(),
                null));
    }

    /** The provider's report if it came, else the prompt and output as counted here. */
    public Tokens tokens() {
        return Tokens.of(reported, call.promptTokens(), counted);
    }

    /** Milliseconds from request start to the first chunk; {@code null} before it. */
    public @Nullable Long ttftMillis() {
        return ttftMillis;
    }
}
