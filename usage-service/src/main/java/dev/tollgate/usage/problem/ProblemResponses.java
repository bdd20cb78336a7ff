package dev.tollgate.usage.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem documents; shared by the exception handler and the security entry points. */
public final class ProblemResponses {

    private ProblemResponses() {}

    /** Writes {@code status} with {@code detail}, and the offending parameter when there is one. */
    public static Mono<Void> write(
            ServerWebExchange exchange, HttpStatus status, String detail, @Nullable String parameter) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = JsonMapper.shared()
                .writeValueAsString(problem(exchange, status, detail, parameter))
                .getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static Map<String, Object> problem(
            ServerWebExchange exchange, HttpStatus status, String detail, @Nullable String parameter) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        if (parameter != null) {
            problem.put("parameter", parameter); // RFC 9457 extension member: which query parameter was wrong
        }
        return problem;
    }
}
