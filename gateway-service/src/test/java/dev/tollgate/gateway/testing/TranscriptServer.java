package dev.tollgate.gateway.testing;

import dev.tollgate.gateway.testing.Transcript.Recorded;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A provider's API on a random port, over real HTTP, that answers every request with a recorded response, byte for
 * byte. A streamed body is sent in small pieces with pauses between them, as a real API's arrives, so events and UTF-8
 * characters split across reads are part of every replay. Every request it receives is recorded.
 */
public final class TranscriptServer implements AutoCloseable {

    private static final int PIECE = 97; // a prime, so pieces cut events and characters at ever-changing places

    private final DisposableServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile @Nullable Recorded answer;

    /**
     * One request as the server saw it.
     *
     * @param requestLine method and URI, such as {@code POST /v1/messages?beta=true}
     * @param headers its headers, names case-insensitive
     * @param body its body as text
     */
    public record Received(String requestLine, Map<String, String> headers, String body) {}

    public TranscriptServer() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::answer)
                .bindNow();
    }

    /** The address to publish as (the start of) the provider's base URL, such as {@code http://127.0.0.1:4711}. */
    public String address() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Answers every following request with {@code recorded}. */
    public void answerWith(Recorded recorded) {
        received.clear();
        this.answer = recorded;
    }

    /** The next request received, waiting up to five seconds for it. */
    public Received nextRequest() throws InterruptedException {
        Received next = received.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the provider stub received no request");
        }
        return next;
    }

    /** How many requests arrived since the last {@link #answerWith}. */
    public int requestCount() {
        return received.size();
    }

    private Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        return request.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .doOnNext(body -> record(request, body))
                .flatMapMany(body -> replay(response));
    }

    private void record(HttpServerRequest request, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.requestHeaders().forEach(header -> headers.put(header.getKey(), header.getValue()));
        received.add(new Received(request.method().name() + " " + request.uri(), headers, body));
    }

    private Publisher<Void> replay(HttpServerResponse response) {
        Recorded recorded = answer;
        if (recorded == null) {
            return response.status(500).sendString(Mono.just("no transcript loaded"));
        }
        response.status(recorded.status());
        recorded.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                response.header(name, value);
            }
        });
        if (!streamed(recorded)) {
            return response.header("content-length", String.valueOf(recorded.body().length))
                    .send(Mono.just(Unpooled.wrappedBuffer(recorded.body())));
        }
        return response.sendObject(Flux.fromIterable(pieces(recorded.body()))
                .delayElements(Duration.ofMillis(1))
                .map(Unpooled::wrappedBuffer));
    }

    // Streams (SSE, AWS event streams) are sent in pieces; anything else in one write with its length.
    private static boolean streamed(Recorded recorded) {
        return recorded.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("content-type"))
                .map(header -> header.getValue().toLowerCase(java.util.Locale.ROOT))
                .anyMatch(type -> type.contains("event-stream") || type.contains("amazon.eventstream"));
    }

    private static List<byte[]> pieces(byte[] body) {
        List<byte[]> pieces = new ArrayList<>();
        for (int start = 0; start < body.length; start += PIECE) {
            pieces.add(java.util.Arrays.copyOfRange(body, start, Math.min(body.length, start + PIECE)));
        }
        return pieces;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
