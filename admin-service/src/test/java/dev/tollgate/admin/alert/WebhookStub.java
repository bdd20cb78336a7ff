package dev.tollgate.admin.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on a loopback port: each {@link #endpoint} answers the statuses it was given in turn (then 200)
 * and records what it received.
 */
public final class WebhookStub implements AutoCloseable {

    /** One request as the receiver saw it. */
    public record Received(Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Integer>> statuses = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    private WebhookStub(HttpServer server) {
        this.server = server;
    }

    public static WebhookStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookStub stub = new WebhookStub(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** A fresh path on this stub that answers {@code statuses} in turn, then 200. */
    public String endpoint(int... answers) {
        String path = "/hook-" + UUID.randomUUID();
        Deque<Integer> queue = new ArrayDeque<>();
        for (int answer : answers) {
            queue.add(answer);
        }
        statuses.put(path, queue);
        received.put(path, new CopyOnWriteArrayList<>());
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What the endpoint at {@code url} received so far. */
    public List<Received> received(String url) {
        return received.getOrDefault(url.substring(url.indexOf("/hook-")), List.of());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
        received.computeIfAbsent(path, unknown -> new CopyOnWriteArrayList<>()).add(new Received(headers, body));
        Deque<Integer> queue = statuses.get(path);
        Integer next;
        synchronized (this) {
            next = queue == null ? Integer.valueOf(404) : queue.poll();
        }
        exchange.sendResponseHeaders(next == null ? 200 : next, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
