package dev.tollgate.gateway.ratelimit;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.ratelimit.Verdict.Dimension;
import dev.tollgate.gateway.redis.BlockingRedis;
import dev.tollgate.gateway.redis.RedisScript;
import dev.tollgate.model.key.KeyPrincipal;
import dev.tollgate.model.usage.UsageRecorded;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Requests and tokens per minute per key, shared by every gateway: one {@code EVALSHA} of {@code admit.lua} per
 * request (GCRA on Redis's clock), charging the prompt plus the output cap up front; a second, smaller script
 * ({@code reconcile.lua}) corrects the tokens by what the request really used once its usage event is written. Keys
 * without limits cost no round trip.
 *
 * <p><b>Fails open</b>, as a rate limit should (it protects capacity, not money): when Redis fails or times out each
 * instance decides alone, in memory, over {@code 1/expected-instances} of each limit, with one WARN per outage and
 * {@code tollgate.ratelimit.degraded} counting those decisions.
 */
@Component
public final class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final RedisScript ADMIT = script("admit.lua");
    private static final RedisScript RECONCILE = script("reconcile.lua");
    private static final List<String> WINDOW = List.of(String.valueOf(Limits.WINDOW_MICROS));

    private final BlockingRedis redis;
    private final LocalLimiter local = new LocalLimiter();
    private final RateLimitDegradation degradation;
    private final int instances;

    RateLimiter(BlockingRedis redis, MeterRegistry registry, RateLimitProperties properties) {
        this.redis = redis;
        this.instances = properties.expectedInstances();
        this.degradation = new RateLimitDegradation(registry, instances);
    }

    /**
     * Admits a request of {@code key} that may use {@code tokens}, or fails with a 429 {@code rate_limit_exceeded}
     * carrying {@code retry-after} and the limit headers.
     */
    public Mono<Admission> admit(KeyPrincipal key, long tokens) {
        Limits limits = Limits.of(key);
        if (limits.unlimited()) {
            return Mono.just(Admission.UNLIMITED);
        }
        return shared(limits, tokens)
                .onErrorResume(failure -> Mono.fromSupplier(() -> alone(limits, tokens, failure)))
                .flatMap(verdict -> decided(verdict, tokens));
    }

    private Mono<Verdict> shared(Limits limits, long tokens) {
        List<String> args =
                List.of(String.valueOf(limits.requests()), String.valueOf(limits.tokens()), String.valueOf(tokens));
        return redis.run(ADMIT, RateLimitKeys.both(limits.keyId()), concat(args, WINDOW))
                .map(reply -> Verdict.fromScript(limits, longs(reply)))
                .doOnNext(verdict -> degradation.recovered());
    }

    private Verdict alone(Limits limits, long tokens, Throwable failure) {
        degradation.failed(failure);
        return local.admit(limits.share(instances), tokens);
    }

    private Mono<Admission> decided(Verdict verdict, long tokens) {
        if (!verdict.admitted()) {
            return Mono.error(refusal(verdict));
        }
        return Mono.just(new Admission(RateLimitHeaders.of(verdict), event -> reconciled(verdict, tokens, event)));
    }

    // Only a shared charge is corrected: a local one lives in one instance's memory and is gone with the outage.
    private Mono<Void> reconciled(Verdict verdict, long charged, UsageRecorded event) {
        long delta = event.promptTokens() + event.completionTokens() - charged;
        if (!verdict.shared() || verdict.tokens() == null || verdict.tokens().limit() <= 0 || delta == 0) {
            return Mono.empty();
        }
        Limits limits = verdict.limits();
        List<String> args = List.of(String.valueOf(limits.tokens()), String.valueOf(delta));
        return redis.run(RECONCILE, List.of(RateLimitKeys.tokens(limits.keyId())), concat(args, WINDOW))
                .then()
                .onErrorResume(failure -> notReconciled(failure));
    }

    private static Mono<Void> notReconciled(Throwable failure) {
        log.debug("rate limit tokens not reconciled: {}", failure.toString());
        return Mono.empty();
    }

    private static GatewayException refusal(Verdict verdict) {
        boolean requests = verdict.deniedBy() == Dimension.REQUESTS;
        Verdict.Window window = requests ? verdict.requests() : verdict.tokens();
        long limit = window == null ? 0 : window.limit();
        String message = "Rate limit reached for this key on %s per min (%s): Limit %d. Please try again in %ds."
                .formatted(
                        requests ? "requests" : "tokens",
                        requests ? "RPM" : "TPM",
                        limit,
                        RateLimitHeaders.retryAfterSeconds(verdict));
        ErrorCode code = requests ? ErrorCode.RATE_LIMITED_REQUESTS : ErrorCode.RATE_LIMITED_TOKENS;
        return GatewayException.rejected(code, message, RateLimitHeaders.of(verdict));
    }

    private static List<Long> longs(Object reply) {
        return ((List<?>) reply).stream().map(value -> (Long) value).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static RedisScript script(String name) {
        try (InputStream in = RateLimiter.class.getResourceAsStream("/ratelimit/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + name);
            }
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
