package dev.tollgate.gateway.api;

import dev.tollgate.gateway.routing.AttemptTrace;
import dev.tollgate.gateway.routing.Target;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The response headers that say which provider and model served a request: the provider type and the model name the
 * upstream was sent, never an account name, address or credential.
 */
final class ServedBy {

    static final String PROVIDER = "x-tollgate-provider";
    static final String MODEL = "x-tollgate-model";

    private ServedBy() {}

    /** Sets them from the attempt that served; nothing when no attempt was made (such as a cache hit). */
    static void headers(ServerWebExchange exchange, AttemptTrace attempts) {
        Target served = attempts.target();
        if (served != null) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set(PROVIDER, served.provider());
            headers.set(MODEL, served.upstreamModel());
        }
    }
}
