package dev.tollgate.gateway.provider.openai;

import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionChunk.ChunkChoice;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;

/**
 * What one upstream stream has said so far, kept for one subscription: whether it sent {@code [DONE]}, which choices
 * it finished, and an annotations-only first chunk waiting to be folded into the next. Reactive Streams delivers the
 * chunks one at a time, and {@link #ending()} runs after the last, so plain fields suffice.
 */
final class OpenAiStreamState {

    static final String DONE = "[DONE]";

    private final String provider;
    private final boolean closeEndsStream;
    private final Set<Integer> started = new HashSet<>();
    private final Set<Integer> finished = new HashSet<>();
    private boolean done;
    private @Nullable ChatCompletionChunk held;

    /**
     * @param provider the provider, named in errors
     * @param closeEndsStream whether a clean close after every choice finished is a complete stream ({@code no_done})
     */
    OpenAiStreamState(String provider, boolean closeEndsStream) {
        this.provider = provider;
        this.closeEndsStream = closeEndsStream;
    }

    /** False from the {@code [DONE]} event on, which it takes note of; for {@code takeWhile}. */
    boolean beforeDone(ServerSentEvent<String> event) {
        done = DONE.equals(event.data());
        return !done;
    }

    /** Takes note of the choices {@code chunk} starts and finishes and returns it unchanged. */
    ChatCompletionChunk observe(ChatCompletionChunk chunk) {
        if (chunk.choices() != null) {
            for (ChunkChoice choice : chunk.choices()) {
                int index = choice.index() == null ? 0 : choice.index();
                started.add(index);
                if (choice.finishReason() != null) {
                    finished.add(index);
                }
            }
        }
        return chunk;
    }

    /**
     * Nothing when the stream is complete: it sent {@code [DONE]}, or, for an upstream whose streams end by closing,
     * every choice it started has finished. Otherwise the connection was cut, which is the stream's error.
     */
    Mono<ChatCompletionChunk> ending() {
        boolean complete = done || (closeEndsStream && !started.isEmpty() && finished.containsAll(started));
        return complete ? Mono.empty() : Mono.error(ProviderErrors.streamCut(provider));
    }

    /**
     * Azure opens a stream with a chunk that has no id, object, model or choices, only its prompt's content-filter
     * results. SDKs skip it, but it is not a valid {@code chat.completion.chunk}: it is held back and its fields are
     * added to the next chunk, so callers get every annotation on a well-formed chunk. For {@code handle}.
     */
    void foldAnnotations(ChatCompletionChunk chunk, SynchronousSink<ChatCompletionChunk> sink) {
        if (held == null && annotationsOnly(chunk)) {
            held = chunk;
            return;
        }
        sink.next(held == null ? chunk : withAnnotations(chunk, held));
        held = null;
    }

    private static boolean annotationsOnly(ChatCompletionChunk chunk) {
        return (chunk.id() == null || chunk.id().isBlank())
                && (chunk.choices() == null || chunk.choices().isEmpty())
                && chunk.usage() == null
                && !chunk.extra().isEmpty();
    }

    private static ChatCompletionChunk withAnnotations(ChatCompletionChunk chunk, ChatCompletionChunk annotations) {
        Map<String, Object> extra = new LinkedHashMap<>(annotations.extra());
        extra.putAll(chunk.extra());
        return new ChatCompletionChunk(
                chunk.id(),
                chunk.object(),
                chunk.created(),
                chunk.model(),
                chunk.choices(),
                chunk.usage(),
                chunk.systemFingerprint(),
                chunk.serviceTier(),
                extra);
    }
}
