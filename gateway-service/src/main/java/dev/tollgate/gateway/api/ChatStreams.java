package dev.tollgate.gateway.api;

import dev.tollgate.gateway.chat.SseEvents;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.observability.GatewayMetrics;
import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.model.openai.ChatCompletionChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * Relays a provider's chunk stream as server-sent events. Nothing is buffered: each event is flushed as it arrives.
 * A failure before the first event still gets a proper error status; after it, the status is already sent, so the
 * failure becomes an error event and the stream ends without {@code [DONE]}.
 */
@Component
class ChatStreams {

    private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);
    private static final MediaType EVENT_STREAM = MediaType.parseMediaType("text/event-stream;charset=utf-8");

    private final SseEvents sse;
    private final GatewayMetrics metrics;

    ChatStreams(SseEvents sse, GatewayMetrics metrics) {
        this.sse = sse;
        this.metrics = metrics;
    }

    Mono<ServerResponse> respond(ChatCall call) {
        Flux<byte[]> events = call.provider().stream(call.request(), call.context())
                .switchOnFirst(
                        (first, chunks) -> first.hasValue() ? relayed(call, chunks) : failedEarly(call, first, chunks));
        return ServerResponse.ok()
                .contentType(EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no") // tells nginx-style proxies in front not to buffer either
                .body(flushedEachEvent(events));
    }

    private Flux<byte[]> relayed(ChatCall call, Flux<ChatCompletionChunk> chunks) {
        metrics.firstToken(call.exchange());
        return chunks.map(sse::data)
                .concatWith(Mono.fromSupplier(sse::done))
                .onErrorResume(failure -> Mono.just(failedMidway(call, failure)));
    }

    // Before the first event nothing is committed: an error travels on to the error handler and gets its status.
    private Flux<byte[]> failedEarly(
            ChatCall call, Signal<? extends ChatCompletionChunk> first, Flux<ChatCompletionChunk> chunks) {
        if (first.isOnError()) {
            return chunks.map(sse::data);
        }
        return Flux.error(ProviderErrors.invalidResponse(call.provider().provider(), "a stream without events", null));
    }

    private byte[] failedMidway(ChatCall call, Throwable failure) {
        GatewayException error = failure instanceof GatewayException known
                ? known
                : GatewayException.upstream(ErrorCode.INTERNAL_ERROR, "The gateway failed while streaming.", failure);
        if (error.code() == ErrorCode.INTERNAL_ERROR) {
            log.error(
                    "request {} stream failed after its first event",
                    call.context().requestId(),
                    failure);
        } else {
            log.warn(
                    "request {} stream failed after its first event: {}",
                    call.context().requestId(),
                    error.code().code());
        }
        return sse.error(OpenAiErrors.envelope(error));
    }

    private static BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> flushedEachEvent(Flux<byte[]> events) {
        return (message, context) -> message.writeAndFlushWith(
                events.map(event -> Mono.just(message.bufferFactory().wrap(event))));
    }
}
