package dev.tollgate.gateway.api;

import dev.tollgate.gateway.api.ChatDialect.StreamWriter;
import dev.tollgate.gateway.cache.CachedAnswer;
import dev.tollgate.gateway.cache.ResponseCache;
import dev.tollgate.gateway.cache.StreamRecording;
import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.observability.GatewayMetrics;
import dev.tollgate.gateway.provider.ProviderErrors;
import dev.tollgate.gateway.usage.StreamTally;
import dev.tollgate.gateway.usage.UsageLedger;
import dev.tollgate.gateway.usage.UsageLedger.Outcome;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.usage.UsageStatus;
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
 *
 * <p>Every chunk passes a {@link StreamTally} first. The provider's usage chunk (which the adapters always ask for)
 * reaches only callers that asked for it themselves. The usage event is written before {@code [DONE]}, before the
 * error event of a failed stream, or, when the caller goes away, on the cancel; it bills what was generated.
 */
@Component
class ChatStreams {

    private static final Logger log = LoggerFactory.getLogger(ChatStreams.class);
    private static final MediaType EVENT_STREAM = MediaType.parseMediaType("text/event-stream;charset=utf-8");

    private final GatewayMetrics metrics;
    private final UsageLedger ledger;
    private final ResponseCache cache;
    private final ChatUpstream upstream;

    ChatStreams(GatewayMetrics metrics, UsageLedger ledger, ResponseCache cache, ChatUpstream upstream) {
        this.metrics = metrics;
        this.ledger = ledger;
        this.cache = cache;
        this.upstream = upstream;
    }

    Mono<ServerResponse> respond(ChatCall call) {
        StreamTally tally = ledger.tally(call.metered());
        StreamRecording recording = new StreamRecording();
        Flux<byte[]> events = upstream.stream(call)
                .map(tally::observe)
                .transform(call.guard()::screen) // guardrails: placeholders restored, leaks redacted or blocked
                .map(recording::observe)
                .switchOnFirst((first, chunks) -> first.hasValue()
                        ? relayed(call, call.dialect().stream(call), tally, recording, chunks)
                        : failedEarly(call, first, chunks))
                .onErrorResume(failure -> failedBeforeFirstEvent(call, tally, failure))
                .doOnCancel(() -> ledger.cancelled(call.metered(), tally.tokens(), tally.ttftMillis()));
        return streamed(events);
    }

    /** Replays a cached stream with the chunks it was first sent as, settled at no cost before {@code [DONE]}. */
    Mono<ServerResponse> replay(ChatCall call, CachedAnswer hit) {
        metrics.firstToken(call.exchange());
        StreamWriter writer = call.dialect().stream(call);
        Flux<byte[]> events = Flux.fromIterable(hit.chunks())
                .concatMapIterable(writer::chunk)
                .concatWith(doneFromCache(call, hit, writer))
                .doOnCancel(() -> ledger.cancelledCached(call.metered(), hit.tokens(), hit.kind()));
        return streamed(events);
    }

    // Deferred like done(): the event is written when the last replayed chunk has passed.
    private Flux<byte[]> doneFromCache(ChatCall call, CachedAnswer hit, StreamWriter writer) {
        return Mono.defer(() -> ledger.settleCached(call.metered(), hit.tokens(), null, hit.kind()))
                .flatMapIterable(event -> writer.end());
    }

    private Mono<ServerResponse> streamed(Flux<byte[]> events) {
        return ServerResponse.ok()
                .contentType(EVENT_STREAM)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no") // tells nginx-style proxies in front not to buffer either
                .body(flushedEachEvent(events));
    }

    private Flux<byte[]> relayed(
            ChatCall call,
            StreamWriter writer,
            StreamTally tally,
            StreamRecording recording,
            Flux<ChatCompletionChunk> chunks) {
        metrics.firstToken(call.exchange());
        ServedBy.headers(call.exchange(), call.attempts()); // before the first event commits the response
        return chunks.concatMapIterable(writer::chunk)
                .concatWith(countedUsage(call, writer, tally))
                .concatWith(kept(call, tally, recording))
                .concatWith(done(call, writer, tally))
                .onErrorResume(failure -> failedMidway(call, writer, tally, failure));
    }

    // A caller that asked for usage gets it even from a provider that sends none; deferred like done().
    private Flux<byte[]> countedUsage(ChatCall call, StreamWriter writer, StreamTally tally) {
        return Mono.defer(
                        () -> call.request().wantsStreamUsage() ? Mono.justOrEmpty(tally.countedUsage()) : Mono.empty())
                .flatMapIterable(writer::chunk);
    }

    // The event is written before the stream's end, so no answered stream lacks its record. Deferred: the tally is
    // read when the last chunk has passed, not when the stream is assembled.
    private Flux<byte[]> done(ChatCall call, StreamWriter writer, StreamTally tally) {
        return Mono.defer(() -> ledger.settle(call.metered(), Outcome.success(tally.tokens(), tally.ttftMillis())))
                .flatMapIterable(event -> writer.end());
    }

    // Stored before the usage event and [DONE]: a caller that asks again at once finds it. Only complete streams
    // get here; a failed or cancelled one never reaches the cache.
    private Mono<byte[]> kept(ChatCall call, StreamTally tally, StreamRecording recording) {
        return Mono.defer(() -> cache.store(call.storable(), recording.answer(tally.tokens())))
                .then(Mono.empty());
    }

    // Before the first event nothing is committed: an error travels on to the error handler and gets its status.
    private Flux<byte[]> failedEarly(
            ChatCall call, Signal<? extends ChatCompletionChunk> first, Flux<ChatCompletionChunk> chunks) {
        if (first.isOnError()) {
            return chunks.thenMany(Flux.empty()); // the chunks' own error
        }
        var served = call.attempts().target();
        String provider = served == null ? call.route().provider() : served.provider();
        return Flux.error(ProviderErrors.invalidResponse(provider, "a stream without events", null));
    }

    // An answer the guardrails withheld is billed for what the provider generated, as without a stream; any other
    // failure before the first event generated nothing.
    private <T> Mono<T> failedBeforeFirstEvent(ChatCall call, StreamTally tally, Throwable failure) {
        return withheld(failure)
                ? ledger.withheld(call.metered(), tally.tokens(), failure)
                : ledger.failed(call.metered(), failure, true);
    }

    private static boolean withheld(Throwable failure) {
        return failure instanceof GatewayException known && known.code() == ErrorCode.CONTENT_POLICY_VIOLATION;
    }

    private Mono<byte[]> failedMidway(ChatCall call, StreamWriter writer, StreamTally tally, Throwable failure) {
        GatewayException error = failure instanceof GatewayException known
                ? known
                : GatewayException.upstream(ErrorCode.INTERNAL_ERROR, "The gateway failed while streaming.", failure);
        logMidway(call, error, failure);
        // A guardrail's refusal is the gateway's decision, not the provider's failure.
        Outcome outcome = new Outcome(
                withheld(error) ? UsageStatus.REJECTED : UsageStatus.UPSTREAM_ERROR,
                tally.tokens(),
                200,
                tally.ttftMillis(),
                error.code().code());
        return ledger.settle(call.metered(), outcome).map(event -> writer.error(error));
    }

    private static void logMidway(ChatCall call, GatewayException error, Throwable failure) {
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
    }

    private static BodyInserter<Flux<byte[]>, ReactiveHttpOutputMessage> flushedEachEvent(Flux<byte[]> events) {
        return (message, context) -> message.writeAndFlushWith(
                events.map(event -> Mono.just(message.bufferFactory().wrap(event))));
    }
}
