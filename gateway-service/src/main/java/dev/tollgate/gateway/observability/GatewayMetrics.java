package dev.tollgate.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Names and records the gateway's own meters. Tags are low-cardinality by construction: {@code model} and
 * {@code provider} are set only once a request has been routed to a configured model, never from raw caller input.
 */
@Component
public final class GatewayMetrics {

    static final String REQUESTS = "tollgate.gateway.requests";
    static final String TIME_TO_FIRST_TOKEN = "tollgate.gateway.time.to.first.token";
    static final String STARTED_AT = GatewayMetrics.class.getName() + ".startedAt";
    private static final String CALL = GatewayMetrics.class.getName() + ".call";

    private final MeterRegistry registry;

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * What a request was routed to, as tags.
     *
     * @param model the configured public model name
     * @param provider the provider that serves it
     * @param stream whether the answer streams
     */
    public record CallTags(String model, String provider, boolean stream) {
        static final CallTags NONE = new CallTags("none", "none", false);
    }

    /** Marks the exchange as routed, so its request metrics carry model and provider. */
    public void routed(ServerWebExchange exchange, CallTags tags) {
        exchange.getAttributes().put(CALL, tags);
    }

    /** Records the time from the request's arrival to the first streamed event. */
    public void firstToken(ServerWebExchange exchange) {
        CallTags tags = tagsOf(exchange);
        Timer.builder(TIME_TO_FIRST_TOKEN)
                .description("Time from request arrival to the first streamed event")
                .tags("model", tags.model(), "provider", tags.provider())
                .register(registry)
                .record(elapsed(exchange));
    }

    void requestFinished(ServerWebExchange exchange, String endpoint, String status) {
        CallTags tags = tagsOf(exchange);
        Timer.builder(REQUESTS)
                .description("Requests on the OpenAI-compatible API, by outcome")
                .tags("endpoint", endpoint, "model", tags.model(), "provider", tags.provider())
                .tags("stream", String.valueOf(tags.stream()), "status", status)
                .register(registry)
                .record(elapsed(exchange));
    }

    private static CallTags tagsOf(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(CALL, CallTags.NONE);
    }

    private static Duration elapsed(ServerWebExchange exchange) {
        long started = exchange.getAttributeOrDefault(STARTED_AT, System.nanoTime());
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
