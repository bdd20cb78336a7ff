package dev.tollgate.admin.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}). Used by the error handler and by security,
 * whose 401 and 403 answers are written before any controller runs.
 */
@Component
public class ProblemWriter {

    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    /** Writes a problem with the standard members and any {@code extra} ones (such as field errors). */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail, Map<String, ?> extra) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem(exchange, status, detail, extra));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static Map<String, Object> problem(
            ServerWebExchange exchange, HttpStatusCode status, String detail, Map<String, ?> extra) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.putAll(extra);
        return problem;
    }

    private static String title(HttpStatusCode status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
