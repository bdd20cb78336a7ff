package dev.tollgate.gateway.provider;

import java.time.Duration;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The limits of one upstream call, applied as reusable operators.
 *
 * @param connect time to open the TCP (and TLS) connection
 * @param firstByte time until the first event of a stream
 * @param idle longest silence between two stream events
 * @param total limit for one whole call, first byte to last
 */
public record UpstreamTimeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {

    /**
     * For a non-streaming call: the whole answer within the total limit. The first byte of a non-streaming answer is
     * its whole body, which a reasoning model may take minutes to produce, so only the total applies.
     */
    public <T> Function<Mono<T>, Mono<T>> forCall(String provider) {
        return call -> call.timeout(total).onErrorMap(ProviderErrors.translate(provider));
    }

    /** For a stream: first event within the first-byte limit, then no gap over the idle limit, all within total. */
    public <T> Function<Flux<T>, Flux<T>> forStream(String provider) {
        return stream -> Flux.defer(() -> withDeadline(stream, System.nanoTime() + total.toNanos()))
                .onErrorMap(ProviderErrors.translate(provider));
    }

    // Flux.timeout with publishers: the first one bounds the wait for the first element, the factory bounds each
    // following gap. Capping every gap by the time left to the deadline enforces the total limit in the same operator.
    private <T> Flux<T> withDeadline(Flux<T> stream, long deadlineNanos) {
        return stream.timeout(
                Mono.delay(min(firstByte, left(deadlineNanos))), item -> Mono.delay(min(idle, left(deadlineNanos))));
    }

    private static Duration left(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
