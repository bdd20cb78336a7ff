package dev.tollgate.gateway.api;

import dev.tollgate.gateway.anthropic.AnthropicError;
import dev.tollgate.gateway.anthropic.AnthropicMapper;
import dev.tollgate.gateway.anthropic.AnthropicStreamWriter;
import dev.tollgate.gateway.anthropic.MessagesRequest;
import dev.tollgate.gateway.anthropic.StreamEvent;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.gateway.chat.RequestReader;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Anthropic's Messages API ({@code POST /v1/messages}), so Anthropic SDKs and coding agents can use the gateway with
 * any provider behind it: the request is read as Anthropic's and translated to the canonical one, the answer and each
 * stream written back as Anthropic sends them, errors in Anthropic's envelope (see {@link OpenAiErrorHandler}).
 */
@Component
class AnthropicDialect implements ChatDialect {

    private final RequestReader reader;
    private final OpenAiJson json;

    AnthropicDialect(RequestReader reader, OpenAiJson json) {
        this.reader = reader;
        this.json = json;
    }

    @Override
    public Mono<ChatCompletionRequest> read(ServerRequest http) {
        return reader.read(http, MessagesRequest.class).map(AnthropicMapper::toChatRequest);
    }

    @Override
    public byte[] answer(ChatCompletion completion, ChatCall call) {
        return json.write(
                AnthropicMapper.toMessagesResponse(completion, call.metered().promptTokens()));
    }

    @Override
    public StreamWriter stream(ChatCall call) {
        String id = AnthropicMapper.messageId(call.context().requestId());
        return new Writer(new AnthropicStreamWriter(
                id, call.request().model(), call.metered().promptTokens()));
    }

    private final class Writer implements StreamWriter {

        private final AnthropicStreamWriter events;

        Writer(AnthropicStreamWriter events) {
            this.events = events;
        }

        @Override
        public List<byte[]> chunk(ChatCompletionChunk chunk) {
            return framed(events.write(chunk));
        }

        @Override
        public List<byte[]> end() {
            return framed(events.finish());
        }

        @Override
        public byte[] error(GatewayException error) {
            AnthropicError envelope = AnthropicMapper.toAnthropicError(error, null);
            StreamEvent event = StreamEvent.error(Objects.requireNonNull(envelope.error()));
            return AnthropicStreamWriter.sse(event, json.write(event));
        }

        private List<byte[]> framed(List<StreamEvent> written) {
            return written.stream()
                    .map(event -> AnthropicStreamWriter.sse(event, json.write(event)))
                    .toList();
        }
    }
}
