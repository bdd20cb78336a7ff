package dev.tollgate.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One recorded exchange with a provider's real API and what the gateway must make of it, read from a scenario folder
 * {@code src/test/resources/transcripts/<provider>/<scenario>/}:
 *
 * <ul>
 *   <li>{@code client-request.json}: the OpenAI-style body a client sends to the gateway (its {@code model} is
 *       replaced by the test's route);
 *   <li>{@code upstream-response.http}: the provider's answer as recorded: a status line, headers, an empty line, and
 *       the body exactly as the API sent it (SSE streams included);
 *   <li>{@code upstream-request.json} (optional): what the adapter must send upstream, as a JSON subset;
 *   <li>{@code upstream-request.txt} (optional): the first line the adapter must send, such as
 *       {@code POST /v1/messages}, query included;
 *   <li>{@code upstream-headers.json} (optional): headers the adapter must send, as a subset (names case-insensitive);
 *   <li>{@code expected.json}: what the client must get (see {@code ProviderConformanceIntegrationTests}).
 * </ul>
 *
 * The provider folder holds {@code provider.json}: the published provider's {@code type}, {@code base_path} (appended
 * to the stub's address to form its base URL; may be empty), {@code api_key}, {@code settings} and
 * {@code upstream_model}. A scenario folder may hold its own {@code provider.json} whose fields replace the provider's,
 * such as the {@code upstream_model} its recording was made with.
 *
 * <p>A {@code client-request.json} with an {@code input} and no {@code messages} is an embedding request, sent to
 * {@code /v1/embeddings}; every other one goes to {@code /v1/chat/completions}.
 */
public record Transcript(
        String provider,
        String scenario,
        JsonNode providerConfig,
        JsonNode clientRequest,
        Recorded response,
        @Nullable JsonNode upstreamRequest,
        @Nullable String upstreamRequestLine,
        @Nullable JsonNode upstreamHeaders,
        JsonNode expected) {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Path ROOT = Path.of("src/test/resources/transcripts");

    /**
     * A recorded HTTP response.
     *
     * @param status its status code
     * @param headers its headers, in order
     * @param body its body bytes
     */
    public record Recorded(int status, Map<String, String> headers, byte[] body) {}

    /** Every scenario of every provider, sorted by provider and scenario. */
    public static List<Transcript> all() {
        try (Stream<Path> providers = Files.list(ROOT)) {
            List<Transcript> all = new ArrayList<>();
            for (Path provider : providers.filter(Files::isDirectory).sorted().toList()) {
                all.addAll(of(provider));
            }
            return all;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Every scenario of one provider folder. */
    public static List<Transcript> of(String provider) {
        return of(ROOT.resolve(provider));
    }

    private static List<Transcript> of(Path provider) {
        try (Stream<Path> scenarios = Files.list(provider)) {
            JsonNode config = json.readTree(provider.resolve("provider.json").toFile());
            return scenarios
                    .filter(Files::isDirectory)
                    .sorted()
                    .map(scenario -> read(config, scenario))
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static Transcript read(JsonNode config, Path folder) {
        return new Transcript(
                folder.getParent().getFileName().toString(),
                folder.getFileName().toString(),
                overridden(config, optionalJson(folder.resolve("provider.json"))),
                json.readTree(folder.resolve("client-request.json").toFile()),
                recorded(folder.resolve("upstream-response.http")),
                optionalJson(folder.resolve("upstream-request.json")),
                optionalText(folder.resolve("upstream-request.txt")),
                optionalJson(folder.resolve("upstream-headers.json")),
                json.readTree(folder.resolve("expected.json").toFile()));
    }

    private static JsonNode overridden(JsonNode config, @Nullable JsonNode scenario) {
        if (scenario == null) {
            return config;
        }
        ObjectNode merged = (ObjectNode) config.deepCopy();
        scenario.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        return merged;
    }

    /** Whether the client asks for embeddings rather than a chat completion. */
    public boolean embedding() {
        return clientRequest.has("input") && !clientRequest.has("messages");
    }

    /** The gateway path the client request goes to. */
    public String clientPath() {
        return embedding() ? "/v1/embeddings" : "/v1/chat/completions";
    }

    /** Whether the client asks for a stream. */
    public boolean streaming() {
        return clientRequest.path("stream").asBoolean(false);
    }

    @Override
    public String toString() {
        return provider + "/" + scenario;
    }

    private static @Nullable JsonNode optionalJson(Path file) {
        return Files.exists(file) ? json.readTree(file.toFile()) : null;
    }

    private static @Nullable String optionalText(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    // The header block is text; the body is kept byte for byte after the first empty line (LF or CRLF).
    static Recorded recorded(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int bodyStart = bodyStart(bytes);
            String head = new String(bytes, 0, bodyStart, StandardCharsets.UTF_8);
            String[] lines = head.strip().split("\r?\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).strip(),
                        lines[i].substring(colon + 1).strip());
            }
            byte[] body = java.util.Arrays.copyOfRange(bytes, bodyStart, bytes.length);
            return new Recorded(status, headers, body);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static int bodyStart(byte[] bytes) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
                return i + 2;
            }
            if (bytes[i] == '\n' && bytes[i + 1] == '\r' && i + 2 < bytes.length && bytes[i + 2] == '\n') {
                return i + 3;
            }
        }
        return bytes.length;
    }
}
