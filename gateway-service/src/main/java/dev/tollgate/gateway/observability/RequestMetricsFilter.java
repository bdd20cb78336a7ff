package dev.tollgate.gateway.observability;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/** Times every {@code /v1} request from arrival until its response ends, however it ends. */
@Component
class RequestMetricsFilter implements WebFilter, Ordered {

    private final GatewayMetrics metrics;

    RequestMetricsFilter(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        exchange.getAttributes().put(GatewayMetrics.STARTED_AT, System.nanoTime());
        return chain.filter(exchange)
                .doFinally(signal -> metrics.requestFinished(exchange, endpoint(path), status(exchange, signal)));
    }

    private static String endpoint(String path) {
        return switch (path) {
            case "/v1/chat/completions" -> "chat.completions";
            case "/v1/embeddings" -> "embeddings";
            default -> path.startsWith("/v1/models") ? "models" : "other";
        };
    }

    // A cancel means the client went away before the response ended; 499 is the customary code for that.
    private static String status(ServerWebExchange exchange, SignalType signal) {
        if (signal == SignalType.CANCEL) {
            return "499";
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        return status == null ? "200" : String.valueOf(status.value());
    }
}
