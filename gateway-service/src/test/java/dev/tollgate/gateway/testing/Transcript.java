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
import java.util.Set;
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
 *       replaced by the test's route): to {@code /v1/embeddings} when it has {@code input} and no {@code messages},
 *       else to {@code /v1/chat/completions};
 *   <li>{@code upstream-response.http}: the provider's answer as recorded: a status line, headers, an empty line, and
 *       the body exactly as the API sent it (SSE streams included);
 *   <li>{@code upstream-request.json} (optional): what the adapter must send upstream, as a JSON subset;
 *   <li>{@code upstream-request.txt} (optional): the first line the adapter must send, such as
 *       {@code POST /v1/messages}, query included;
 *   <li>{@code upstream-headers.json} (optional): headers the adapter must send, as a subset (names case-insensitive);
 *       a value starting with {@code ~} is a regular expression the whole value must match;
 *   <li>{@code expected.json}: what the client must get (see {@code ProviderConformanceIntegrationTests}); only the
 *       keys {@link #EXPECTATIONS} are allowed, {@code status} is required and so is what the answer must hold
 *       ({@code body} or {@code error}; {@code stream} for a stream), so a misspelt or missing expectation fails
 *       instead of checking nothing;
 *   <li>{@code SOURCES.md} (in the provider folder): where each recording comes from.
 * </ul>
 *
 * The provider folder holds {@code provider.json}: the published provider's {@code type}, {@code base_path} (appended
 * to the stub's address to form its base URL; may be empty), {@code api_key}, {@code settings} and
 * {@code upstream_model}. A scenario folder may hold its own {@code provider.json} whose fields replace the provider
 * folder's, such as another {@code upstream_model} for an embeddings scenario.
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

    /** The keys {@code expected.json} may hold. */
    public static final Set<String> EXPECTATIONS =
            Set.of("status", "headers", "body", "error", "stream", "usage_event", "upstream_requests");

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

    /**
     * Every scenario of every provider, sorted by provider and scenario; while working on one adapter, the environment
     * variable {@code TOLLGATE_CONFORMANCE_ONLY} (comma-separated {@code provider} or {@code provider/scenario}) narrows
     * them down.
     */
    public static List<Transcript> all() {
        try (Stream<Path> providers = Files.list(ROOT)) {
            List<Transcript> all = new ArrayList<>();
            for (Path provider : providers.filter(Files::isDirectory).sorted().toList()) {
                all.addAll(of(provider));
            }
            return all.stream().filter(Transcript::selected).toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean selected(Transcript transcript) {
        String only = System.getenv("TOLLGATE_CONFORMANCE_ONLY");
        if (only == null || only.isBlank()) {
            return true;
        }
        return Stream.of(only.split(","))
                .map(String::strip)
                .anyMatch(name -> name.equals(transcript.provider()) || name.equals(transcript.toString()));
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

    private static Transcript read(JsonNode providerConfig, Path folder) {
        ObjectNode config = (ObjectNode) providerConfig.deepCopy();
        JsonNode own = optionalJson(folder.resolve("provider.json"));
        if (own != null) {
            own.properties().forEach(field -> config.set(field.getKey(), field.getValue()));
        }
        JsonNode expected = json.readTree(folder.resolve("expected.json").toFile());
        JsonNode clientRequest =
                json.readTree(folder.resolve("client-request.json").toFile());
        checkExpectations(folder, expected, clientRequest.path("stream").asBoolean(false));
        return new Transcript(
                folder.getParent().getFileName().toString(),
                folder.getFileName().toString(),
                config,
                clientRequest,
                recorded(folder.resolve("upstream-response.http")),
                optionalJson(folder.resolve("upstream-request.json")),
                optionalText(folder.resolve("upstream-request.txt")),
                optionalJson(folder.resolve("upstream-headers.json")),
                expected);
    }

    // An expectation that checks nothing must not pass: unknown keys, a missing status and a missing answer fail.
    private static void checkExpectations(Path folder, JsonNode expected, boolean streaming) {
        List<String> unknown = expected.propertyNames().stream()
                .filter(name -> !EXPECTATIONS.contains(name))
                .toList();
        String answer = streaming && expected.path("status").asInt() == 200 ? "stream" : "body or error";
        boolean answered = streaming && expected.path("status").asInt() == 200
                ? expected.has("stream")
                : expected.has("body") || expected.has("error");
        if (!unknown.isEmpty() || !expected.path("status").isIntegralNumber() || !answered) {
            throw new IllegalStateException(
                    "%s/expected.json needs an integer status and %s, and only the keys %s; found %s"
                            .formatted(folder, answer, EXPECTATIONS, expected.propertyNames()));
        }
    }

    /** Whether the client asks for a stream. */
    public boolean streaming() {
        return clientRequest.path("stream").asBoolean(false);
    }

    /** Whether the client asks for embeddings rather than a chat completion. */
    public boolean embeddings() {
        return clientRequest.has("input") && !clientRequest.has("messages");
    }

    /** The gateway endpoint the client request is sent to. */
    public String gatewayPath() {
        return embeddings() ? "/v1/embeddings" : "/v1/chat/completions";
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
