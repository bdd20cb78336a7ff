package dev.tollgate.gateway.api;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import java.util.List;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The API a chat request arrived in and its answer leaves in: OpenAI's chat completions or Anthropic's messages. Every
 * step between — keys, templates, routing, limits, budgets, caching, guardrails, metering — works on the canonical
 * (OpenAI-shaped) request and answer, so a dialect only reads and writes.
 */
interface ChatDialect {

    /** Reads and parses the request body into the canonical request; fails with a 4xx for a malformed one. */
    Mono<ChatCompletionRequest> read(ServerRequest http);

    /** The JSON body of a complete answer. */
    byte[] answer(ChatCompletion completion, ChatCall call);

    /** A writer for one streamed answer. */
    StreamWriter stream(ChatCall call);

    /** Turns one stream's canonical chunks into this API's server-sent events, in order. */
    interface StreamWriter {

        /** The events for {@code chunk}; none when it carries nothing this API shows its caller. */
        List<byte[]> chunk(ChatCompletionChunk chunk);

        /** The events that end a complete stream. */
        List<byte[]> end();

        /** The one event that ends a stream that failed after its first event, when its status is already sent. */
        byte[] error(GatewayException error);
    }
}
