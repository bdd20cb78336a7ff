package dev.tollgate.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Several OpenAI-compatible deployments on one random port, over real HTTP, each misbehaving on command: deployment
 * {@code name} lives under {@code /d/{name}/v1}. A test queues faults per deployment ({@link #next}); a deployment
 * with nothing queued answers with its standing behaviour ({@link #always}), by default a well-formed answer that
 * names the deployment. Every request is counted per deployment.
 */
public final class ScriptedUpstream implements AutoCloseable {

    /** What one answer does. */
    public enum Fault {
        /** A well-formed answer (JSON, or a stream ending in {@code [DONE]}) whose content names the deployment. */
        OK,
        /** 429 with {@code retry-after: 1}. */
        RATE_LIMITED,
        /** 429 with {@code retry-after: 120}, longer than any retry waits. */
        RATE_LIMITED_LONG,
        /** 500 with an OpenAI-style error body. */
        SERVER_ERROR,
        /** 503 with an HTML page. */
        HTML_503,
        /** 200 with an HTML page instead of an answer. */
        HTML_200,
        /** 200 with bytes that are not JSON. */
        GARBAGE,
        /** Accepts the request, then never answers. */
        SILENT,
        /** Closes the connection without answering. */
        RESET,
        /** 400 {@code context_length_exceeded}. */
        CONTEXT_TOO_LONG,
        /** 400 {@code invalid_request_error} about the caller's request. */
        BAD_REQUEST,
        /** 200 whose only choice was withheld by the content filter. */
        CONTENT_FILTERED,
        /** A stream that sends one chunk, then closes the connection. */
        STREAM_CUT_AFTER_FIRST,
        /** A stream that sends one chunk, then goes silent. */
        STREAM_STALLS_AFTER_FIRST,
        /** A stream whose connection closes before any event. */
        STREAM_CUT_BEFORE_FIRST
    }

    private final DisposableServer server;
    private final Map<String, Queue<Fault>> queued = new ConcurrentHashMap<>();
    private final Map<String, Fault> standing = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public ScriptedUpstream() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post("/d/{name}/v1/chat/completions", this::chat)
                        .post("/d/{name}/v1/embeddings", this::embeddings))
                .bindNow();
    }

    /** The base URL of deployment {@code name}. */
    public String baseUrl(String name) {
        return "http://127.0.0.1:" + server.port() + "/d/" + name + "/v1";
    }

    /** Queues faults for the next requests of {@code name}, in order. */
    public void next(String name, Fault... faults) {
        queued.computeIfAbsent(name, key -> new ConcurrentLinkedQueue<>()).addAll(java.util.List.of(faults));
    }

    /** What {@code name} does once its queue is empty. */
    public void always(String name, Fault fault) {
        standing.put(name, fault);
    }

    /** Requests {@code name} received so far. */
    public int requests(String name) {
        AtomicInteger count = requests.get(name);
        return count == null ? 0 : count.get();
    }

    /** Forgets every queue, standing behaviour and count. */
    public void reset() {
        queued.clear();
        standing.clear();
        requests.clear();
    }

    private Publisher<Void> chat(HttpServerRequest request, HttpServerResponse response) {
        String name = request.param("name");
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).flatMap(body -> {
            requests.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
            Fault fault = fault(name);
            boolean stream = body.contains("\"stream\":true");
            return Mono.from(answer(name, fault, stream, response));
        });
    }

    private Publisher<Void> embeddings(HttpServerRequest request, HttpServerResponse response) {
        String name = request.param("name");
        return request.receive().aggregate().then(Mono.defer(() -> {
            requests.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
            Fault fault = fault(name);
            if (fault != Fault.OK) {
                return Mono.from(answer(name, fault, false, response));
            }
            return json(
                    response,
                    200,
                    "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                            + "\"embedding\":[0.6,0.8]}],\"model\":\"" + name + "\",\"usage\":{\"prompt_tokens\":2,"
                            + "\"total_tokens\":2}}");
        }));
    }

    private Fault fault(String name) {
        Queue<Fault> faults = queued.get(name);
        Fault next = faults == null ? null : faults.poll();
        return next != null ? next : standing.getOrDefault(name, Fault.OK);
    }

    private Publisher<Void> answer(String name, Fault fault, boolean stream, HttpServerResponse response) {
        return switch (fault) {
            case OK ->
                stream
                        ? events(
                                response,
                                Flux.just(
                                        chunk(name, "served by " + name, null),
                                        chunk(name, null, "stop"),
                                        usage(name),
                                        "[DONE]"))
                        : json(response, 200, completion(name, "stop"));
            case RATE_LIMITED -> rateLimited(response, "1");
            case RATE_LIMITED_LONG -> rateLimited(response, "120");
            case SERVER_ERROR -> json(response, 500, error("The server had an error", "server_error", null));
            case HTML_503 -> html(response, 503);
            case HTML_200 -> html(response, 200);
            case GARBAGE ->
                response.status(200)
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just("\u0000\u0001 not json {{{"))
                        .then();
            case SILENT -> Mono.never();
            case RESET ->
                Mono.defer(() -> {
                    response.withConnection(connection -> connection.channel().close());
                    return Mono.never();
                });
            case CONTEXT_TOO_LONG ->
                json(
                        response,
                        400,
                        error(
                                "This model's maximum context length is 128000 tokens.",
                                "invalid_request_error",
                                "context_length_exceeded"));
            case BAD_REQUEST ->
                json(response, 400, error("Invalid value for 'logit_bias'.", "invalid_request_error", "invalid_value"));
            case CONTENT_FILTERED -> json(response, 200, completion(name, "content_filter"));
            case STREAM_CUT_AFTER_FIRST ->
                response.status(200)
                        .header("Content-Type", "text/event-stream")
                        .sendString(Mono.just("data: " + chunk(name, "partial", null) + "\n\n"))
                        .then()
                        .then(Mono.defer(() -> {
                            response.withConnection(
                                    connection -> connection.channel().close());
                            return Mono.never();
                        }));
            case STREAM_STALLS_AFTER_FIRST ->
                events(response, Flux.just(chunk(name, "partial", null)).concatWith(Flux.never()));
            case STREAM_CUT_BEFORE_FIRST ->
                response.status(200)
                        .header("Content-Type", "text/event-stream")
                        .send()
                        .then(Mono.defer(() -> {
                            response.withConnection(
                                    connection -> connection.channel().close());
                            return Mono.never();
                        }));
        };
    }

    private static Mono<Void> rateLimited(HttpServerResponse response, String retryAfter) {
        return response.status(429)
                .header("Content-Type", "application/json")
                .header("retry-after", retryAfter)
                .sendString(Mono.just(error("Rate limit reached for requests", "requests", "rate_limit_exceeded")))
                .then();
    }

    private static Mono<Void> html(HttpServerResponse response, int status) {
        return response.status(status)
                .header("Content-Type", "text/html")
                .sendString(Mono.just("<html><body><h1>" + status + "</h1></body></html>"))
                .then();
    }

    private static Mono<Void> json(HttpServerResponse response, int status, String body) {
        return response.status(status)
                .header("Content-Type", "application/json")
                .sendString(Mono.just(body))
                .then();
    }

    private static Mono<Void> events(HttpServerResponse response, Flux<String> data) {
        return response.status(200)
                .header("Content-Type", "text/event-stream")
                .sendString(
                        data.delayElements(Duration.ofMillis(5)).map(event -> "data: " + event + "\n\n"),
                        StandardCharsets.UTF_8)
                .then();
    }

    private static String completion(String name, String finishReason) {
        String content = "content_filter".equals(finishReason) ? "null" : "\"served by " + name + "\"";
        return "{\"id\":\"chatcmpl-" + name + "\",\"object\":\"chat.completion\",\"created\":1733221305,\"model\":\""
                + name + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + content
                + "},\"finish_reason\":\"" + finishReason + "\"}],\"usage\":{\"prompt_tokens\":12,"
                + "\"completion_tokens\":4,\"total_tokens\":16}}";
    }

    private static String chunk(String name, String content, String finishReason) {
        String delta = content == null ? "{}" : "{\"role\":\"assistant\",\"content\":\"" + content + "\"}";
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return "{\"id\":\"chatcmpl-" + name + "\",\"object\":\"chat.completion.chunk\",\"created\":1733221305,"
                + "\"model\":\"" + name + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finish + "}]}";
    }

    private static String usage(String name) {
        return "{\"id\":\"chatcmpl-" + name + "\",\"object\":\"chat.completion.chunk\",\"created\":1733221305,"
                + "\"model\":\"" + name + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,"
                + "\"total_tokens\":16}}";
    }

    private static String error(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
