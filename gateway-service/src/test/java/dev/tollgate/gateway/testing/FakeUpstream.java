package dev.tollgate.gateway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible upstream on a random port, over real HTTP. What it answers depends on the request's
 * {@code model}, so each test picks a behaviour by name; every request it receives is recorded.
 */
public final class FakeUpstream implements AutoCloseable {

    /** Every model name the fake knows, for the gateway's model list. */
    public static final List<String> MODELS = List.of(
            "stub-echo",
            "stub-cached",
            "stub-stream",
            "stub-dribble",
            "stub-html-502",
            "stub-error-first-frame",
            "stub-empty-200",
            "stub-empty-stream",
            "stub-bad-request",
            "stub-rate-limited",
            "stub-silent",
            "stub-stalls-midway",
            "stub-endless",
            "stub-cut-midway",
            "stub-embedding",
            "stub-pings",
            "stub-html-200",
            "stub-wrong-path",
            "stub-embedding-error",
            "stub-echo-user",
            "stub-stream-echo-user",
            "stub-leak",
            "stub-stream-leak",
            "stub-stream-tool-echo-user",
            "stub-stream-leak-at-once",
            "stub-json");

    /** What {@code stub-leak} and {@code stub-stream-leak} answer: an e-mail address the caller never sent. */
    public static final String LEAK = "Sure: write to leaked.person@example.com today.";

    /**
     * The usage {@code stub-cached} answers with and {@code stub-stream} reports when asked: awkward counts with a
     * cached share of the prompt and a reasoning share of the output.
     */
    public static final String USAGE = "{\"prompt_tokens\":1234,\"completion_tokens\":89,\"total_tokens\":1323,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":567},\"completion_tokens_details\":{\"reasoning_tokens\":21}}";

    /** A text with one-, two-, three- and four-byte UTF-8 characters, to split across reads. */
    public static final String MULTIBYTE = "héllo wörld — 世界 🚀 done";

    private static final JsonMapper json = JsonMapper.builder().build();

    private final DisposableServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile CountDownLatch endlessClosed = new CountDownLatch(1);

    /**
     * One request as the fake saw it.
     *
     * @param uri the request's path and query
     * @param body the JSON body
     * @param headers the request headers
     */
    public record Received(String uri, JsonNode body, Map<String, String> headers) {}

    public FakeUpstream() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post("/v1/chat/completions", handler(this::chat))
                        .post("/v1/embeddings", handler(this::embeddings))
                        .post("/openai/deployments/{deployment}/chat/completions", handler(this::chat)))
                .bindNow();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    /** The next request the fake received, waiting up to five seconds for it. */
    public Received nextRequest() throws InterruptedException {
        Received next = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the fake upstream received no request");
        }
        return next;
    }

    /** Fails if any request arrives within half a second. */
    public void assertNothingReceived() throws InterruptedException {
        Received any = received.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (any != null) {
            throw new AssertionError(
                    "the fake upstream received a request for " + any.body().path("model"));
        }
    }

    public void forgetRequests() {
        received.clear();
        endlessClosed = new CountDownLatch(1);
    }

    /** Whether the connection of an endless stream was closed by the gateway within five seconds. */
    public boolean endlessStreamWasClosed() throws InterruptedException {
        return endlessClosed.await(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler(
            BiFunction<JsonNode, HttpServerResponse, Publisher<Void>> behaviour) {
        return (request, response) -> request.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .map(body -> record(body, request))
                .flatMapMany(body -> behaviour.apply(body, response));
    }

    private JsonNode record(String body, HttpServerRequest request) {
        JsonNode parsed = json.readTree(body);
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.requestHeaders().forEach(header -> headers.put(header.getKey(), header.getValue()));
        received.add(new Received(request.uri(), parsed, headers));
        return parsed;
    }

    private Publisher<Void> chat(JsonNode body, HttpServerResponse response) {
        String model = body.path("model").asString();
        return switch (model) {
            case "stub-echo" -> json(response, completion(model, "echo", ECHO_USAGE));
            case "stub-cached" -> json(response, completion(model, "cached", USAGE));
            case "stub-stream" ->
                events(
                        response,
                        Flux.fromIterable(streamOf(model, "Hello", " there"))
                                .concatWith(usageIfAsked(model, body))
                                .concatWith(Mono.just("[DONE]")),
                        Duration.ZERO);
            case "stub-dribble" -> dribble(response, model);
            case "stub-html-502" ->
                response.status(HttpResponseStatus.BAD_GATEWAY)
                        .header("Content-Type", "text/html")
                        .sendString(Mono.just("<html><body><h1>502 Bad Gateway</h1></body></html>"));
            case "stub-error-first-frame" ->
                events(
                        response,
                        Flux.just("{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}"),
                        Duration.ZERO);
            case "stub-empty-200" ->
                response.status(200).header("Content-Type", "application/json").send();
            case "stub-empty-stream" ->
                response.status(200).header("Content-Type", "text/event-stream").send();
            case "stub-bad-request" ->
                response.status(400)
                        .header("Content-Type", "application/json")
                        .sendString(
                                Mono.just(
                                        "{\"error\":{\"message\":\"This model's maximum context length is 8 tokens.\","
                                                + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));
            case "stub-rate-limited" ->
                response.status(429)
                        .header("Content-Type", "application/json")
                        .header("Retry-After", "7")
                        .sendString(
                                Mono.just("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}"));
            case "stub-silent" -> Mono.delay(Duration.ofSeconds(30)).then();
            case "stub-stalls-midway" ->
                events(response, Flux.fromIterable(streamOf(model, "a", "b")).concatWith(Mono.never()), Duration.ZERO);
            case "stub-pings" -> withPings(response, model);
            case "stub-html-200" ->
                response.status(200)
                        .header("Content-Type", "text/html")
                        .sendString(Mono.just("<html><body>Welcome to nginx!</body></html>"));
            case "stub-wrong-path" ->
                response.status(404)
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just(
                                "{\"error\":{\"message\":\"Not found\",\"type\":\"invalid_request_error\"}}"));
            case "stub-endless" -> endless(response, model);
            case "stub-cut-midway" -> cutMidway(response, model);
            case "stub-echo-user" -> json(response, completionOf(model, lastUserText(body)));
            case "stub-stream-echo-user" -> inPieces(response, model, lastUserText(body), body);
            case "stub-leak" -> json(response, completionOf(model, LEAK));
            case "stub-stream-leak" -> inPieces(response, model, LEAK, body);
            case "stub-stream-leak-at-once" ->
                events(
                        response,
                        Flux.just(chunk(model, LEAK, null), chunk(model, null, "stop"), "[DONE]"),
                        Duration.ZERO);
            case "stub-stream-tool-echo-user" -> toolCallInPieces(response, model, lastUserText(body));
            case "stub-json" -> json(response, completionOf(model, "{\"name\": 42}"));
            default -> response.status(404).sendString(Mono.just("{\"error\":{\"message\":\"no such model\"}}"));
        };
    }

    private Publisher<Void> embeddings(JsonNode body, HttpServerResponse response) {
        if ("stub-embedding-error".equals(body.path("model").asString())) {
            return json(response, "{\"error\":{\"message\":\"embedding backend failed\",\"type\":\"server_error\"}}");
        }
        return json(
                response,
                "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.6,0.8]}],"
                        + "\"model\":\"stub-embedding\",\"usage\":{\"prompt_tokens\":2,\"total_tokens\":2}}");
    }

    private static Publisher<Void> json(HttpServerResponse response, String body) {
        return response.status(200).header("Content-Type", "application/json").sendString(Mono.just(body));
    }

    private static Publisher<Void> events(HttpServerResponse response, Flux<String> data, Duration interval) {
        Flux<String> paced = interval.isZero() ? data : data.delayElements(interval);
        return response.status(200)
                .header("Content-Type", "text/event-stream; charset=utf-8")
                .send(paced.map(event -> buffer("data: " + event + "\n\n")), flushEach -> true);
    }

    // One byte per write, flushed and spaced, so the gateway sees events and UTF-8 characters split across reads.
    private static Publisher<Void> dribble(HttpServerResponse response, String model) {
        StringBuilder stream = new StringBuilder();
        streamOf(model, MULTIBYTE.substring(0, 10), MULTIBYTE.substring(10))
                .forEach(event -> stream.append("data: ").append(event).append("\n\n"));
        stream.append("data: [DONE]\n\n");
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);
        Flux<ByteBuf> oneByteEach = Flux.range(0, bytes.length)
                .delayElements(Duration.ofMillis(1))
                .map(i -> Unpooled.wrappedBuffer(new byte[] {bytes[i]}));
        return response.status(200).header("Content-Type", "text/event-stream").send(oneByteEach, flushEach -> true);
    }

    // Keep-alive comments and ping events, as OpenRouter and others send them, before and between real chunks.
    private static Publisher<Void> withPings(HttpServerResponse response, String model) {
        List<String> chunks = streamOf(model, "pi", "ng");
        String stream = ": OPENROUTER PROCESSING\n\n" + "data: " + chunks.get(0) + "\n\n" + "event: ping\n\n"
                + ": keep-alive\n\n" + "data: " + chunks.get(1) + "\n\n" + "data: " + chunks.get(2) + "\n\n"
                + "data: [DONE]\n\n";
        return response.status(200).header("Content-Type", "text/event-stream").sendString(Mono.just(stream));
    }

    private Publisher<Void> endless(HttpServerResponse response, String model) {
        response.withConnection(connection -> connection.onDispose(() -> endlessClosed.countDown()));
        Flux<String> forever = Flux.interval(Duration.ofMillis(50)).map(i -> chunk(model, "tick " + i + " ", null));
        return events(response, forever, Duration.ZERO);
    }

    private static Publisher<Void> cutMidway(HttpServerResponse response, String model) {
        return response.status(200)
                .header("Content-Type", "text/event-stream")
                .sendString(Mono.just("data: " + chunk(model, "partial", null) + "\n\n"))
                .then()
                .then(Mono.defer(() -> {
                    response.withConnection(connection -> connection.channel().close());
                    return Mono.never();
                }));
    }

    // Three characters per chunk, so anything longer (a placeholder such as <EMAIL_1>) is split across chunks.
    private static Publisher<Void> inPieces(HttpServerResponse response, String model, String text, JsonNode body) {
        Flux<String> pieces = Flux.range(0, (text.length() + 2) / 3)
                .map(i -> text.substring(i * 3, Math.min(text.length(), i * 3 + 3)))
                .map(piece -> chunk(model, piece, null));
        return events(
                response,
                pieces.concatWith(Mono.just(chunk(model, null, "stop")))
                        .concatWith(usageIfAsked(model, body))
                        .concatWith(Mono.just("[DONE]")),
                Duration.ZERO);
    }

    /**
     * A streamed call of {@code send_email} whose arguments, {@code {"to": <text>}}, arrive three characters per chunk
     * after a first fragment with the call's id and name, as OpenAI streams tool calls.
     */
    private static Publisher<Void> toolCallInPieces(HttpServerResponse response, String model, String text) {
        String arguments = json.writeValueAsString(java.util.Map.of("to", text));
        Flux<String> opening = Flux.just(toolChunk(
                model,
                "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_stub\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"send_email\",\"arguments\":\"\"}}]}",
                null));
        Flux<String> pieces = Flux.range(0, (arguments.length() + 2) / 3)
                .map(i -> arguments.substring(i * 3, Math.min(arguments.length(), i * 3 + 3)))
                .map(piece -> toolChunk(
                        model,
                        "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + json.writeValueAsString(piece)
                                + "}}]}",
                        null));
        return events(
                response,
                opening.concatWith(pieces)
                        .concatWith(Mono.just(toolChunk(model, "{}", "tool_calls")))
                        .concatWith(Mono.just("[DONE]")),
                Duration.ZERO);
    }

    private static String toolChunk(String model, String delta, String finishReason) {
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":"
                + finish + "}]}";
    }

    // The text of the last user message, whether sent as a string or as text parts.
    private static String lastUserText(JsonNode body) {
        String text = "";
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asString())) {
                JsonNode content = message.path("content");
                text = content.isString()
                        ? content.asString()
                        : content.path(0).path("text").asString();
            }
        }
        return text;
    }

    private static String completionOf(String model, String content) {
        return "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + json.writeValueAsString(content) + "},\"finish_reason\":\"stop\"}],\"usage\":" + ECHO_USAGE + "}";
    }

    // Like OpenAI: the usage-only chunk comes only when stream_options.include_usage asks for it.
    private static Flux<String> usageIfAsked(String model, JsonNode body) {
        if (!body.path("stream_options").path("include_usage").asBoolean(false)) {
            return Flux.empty();
        }
        return Flux.just("{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"" + model + "\",\"choices\":[],\"usage\":" + USAGE + "}");
    }

    private static List<String> streamOf(String model, String first, String second) {
        return List.of(
                chunk(model, first, null).replace("\"delta\":{", "\"delta\":{\"role\":\"assistant\","),
                chunk(model, second, null),
                chunk(model, null, "stop"));
    }

    static String chunk(String model, String content, String finishReason) {
        String delta = content == null ? "{}" : "{\"content\":" + json.writeValueAsString(content) + "}";
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\""
                + model + "\",\"system_fingerprint\":\"fp_stub\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]}";
    }

    private static final String ECHO_USAGE = "{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6,"
            + "\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}";

    private static String completion(String model, String content, String usage) {
        return "{\"id\":\"chatcmpl-stub\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"" + model
                + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
                + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":" + usage + ","
                + "\"service_tier\":\"default\",\"x_unmodelled\":{\"kept\":true}}";
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
