package dev.tollgate.gateway.api;

import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.chat.RequestReader;
import dev.tollgate.gateway.chat.SseEvents;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** OpenAI's chat completions, as the canonical model already is: only the stream's usage chunk needs care. */
@Component
class OpenAiDialect implements ChatDialect {

    private final RequestReader reader;
    private final OpenAiJson json;
    private final SseEvents sse;

    OpenAiDialect(RequestReader reader, OpenAiJson json, SseEvents sse) {
        this.reader = reader;
        this.json = json;
        this.sse = sse;
    }

    @Override
    public Mono<ChatCompletionRequest> read(ServerRequest http) {
        return reader.read(http, ChatCompletionRequest.class);
    }

    @Override
    public byte[] answer(ChatCompletion completion, ChatCall call) {
        return json.write(completion);
    }

    @Override
    public StreamWriter stream(ChatCall call) {
        return new Writer(call.request().wantsStreamUsage());
    }

    private final class Writer implements StreamWriter {

        private final boolean wantsUsage;

        Writer(boolean wantsUsage) {
            this.wantsUsage = wantsUsage;
        }

        // The caller sees exactly what it asked for: the usage the gateway asked for on its behalf is removed.
        @Override
        public List<byte[]> chunk(ChatCompletionChunk chunk) {
            if (chunk.usage() == null || wantsUsage) {
                return List.of(sse.data(chunk));
            }
            return chunk.usageOnly() ? List.of() : List.of(sse.data(withoutUsage(chunk)));
        }

        @Override
        public List<byte[]> end() {
            return List.of(sse.done());
        }

        @Override
        public byte[] error(GatewayException error) {
            return sse.error(OpenAiErrors.envelope(error));
        }
    }

    private static ChatCompletionChunk withoutUsage(ChatCompletionChunk chunk) {
        return new ChatCompletionChunk(
                chunk.id(),
                chunk.object(),
                chunk.created(),
                chunk.model(),
                chunk.choices(),
                null,
                chunk.systemFingerprint(),
                chunk.serviceTier(),
                chunk.extra());
    }
}
