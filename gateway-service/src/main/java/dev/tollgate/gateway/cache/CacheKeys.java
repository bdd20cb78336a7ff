package dev.tollgate.gateway.cache;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cache keys: {@code tollgate:cache:{tenant_id}:{route}:{sha256}}, where {@code route} is the first 16 hex digits of
 * the SHA-256 of the public model name (so a route's entries can be found whatever characters its name holds), and
 * the last part hashes the normalised request. Normalised means the model
 * after routing (deployment and upstream model, so re-pointing a route never serves the old model's answers), every
 * field that changes the output (messages, tools, tool choice, response format, sampling parameters, limits, seed,
 * stop, and unmodelled fields), whether it streams (a stream is replayed as chunks, a plain answer as a whole), and
 * nothing else: not {@code stream_options}, {@code user} or {@code metadata}. Object keys are sorted, so the order a
 * caller writes its fields in does not matter.
 */
final class CacheKeys {

    static final String PREFIX = "tollgate:cache:";

    private CacheKeys() {}

    static String of(Scope scope, Target target, ChatCompletionRequest request, JsonMapper json) {
        Map<String, Object> normalised = new TreeMap<>();
        if (scope.keyId() != null) {
            normalised.put("key", scope.keyId());
        }
        normalised.put("deployments", target.deployments());
        normalised.put("stream", request.streaming());
        normalised.put("request", sorted(json.convertValue(outputShaping(request), Object.class)));
        return PREFIX + scope.tenantId() + ":" + routeTag(target.route()) + ":"
                + sha256(json.writeValueAsString(normalised));
    }

    /**
     * The scope of a semantic lookup: what must be equal, besides the last user turn, for two prompts to be compared.
     * The exact key's normalised request with {@code earlier} (every message before the last user turn) as its
     * messages, the tenant, the route and the embedding model, hashed: two conversations that end in the same words
     * but differ before them never share a scope.
     */
    static String semanticScope(
            Scope scope,
            Target target,
            ChatCompletionRequest request,
            List<ChatMessage> earlier,
            String embedder,
            JsonMapper json) {
        ChatCompletionRequest before = new ChatCompletionRequest(
                null,
                earlier,
                request.tools(),
                request.toolChoice(),
                request.responseFormat(),
                request.stream(),
                null,
                request.maxTokens(),
                request.maxCompletionTokens(),
                request.temperature(),
                request.topP(),
                request.n(),
                request.stop(),
                request.seed(),
                null,
                null,
                request.extra());
        Map<String, Object> normalised = new TreeMap<>();
        normalised.put("tenant", scope.tenantId());
        normalised.put("route", target.route());
        normalised.put("embedder", embedder);
        normalised.put("exact", of(scope, target, before, json));
        return sha256(json.writeValueAsString(normalised));
    }

    /** The key of the semantic entry that points at the answer under {@code answerKey}, beside it. */
    static String semanticEntry(String answerKey) {
        int last = answerKey.lastIndexOf(':');
        return answerKey.substring(0, last) + ":s" + answerKey.substring(last);
    }

    /** The pattern matching every key of {@code tenantId}, glob characters in the id escaped. */
    static String tenantPattern(String tenantId) {
        return PREFIX + tenantId.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + ":*";
    }

    /** The pattern matching every key of the route {@code model}, in every tenant. */
    static String routePattern(String model) {
        return PREFIX + "*:" + routeTag(model) + ":*";
    }

    /**
     * Whose answers an entry is.
     *
     * @param tenantId the tenant; entries are never shared across tenants
     * @param keyId the key, when entries are scoped by key too; {@code null} to share them within the tenant
     */
    record Scope(String tenantId, @Nullable String keyId) {}

    /**
     * Where a request was routed.
     *
     * @param route the public model name
     * @param deployments every deployment and upstream model that may answer the route ({@code Route#cacheIdentity})
     */
    record Target(String route, String deployments) {}

    private static ChatCompletionRequest outputShaping(ChatCompletionRequest request) {
        return new ChatCompletionRequest(
                null,
                request.messages(),
                request.tools(),
                request.toolChoice(),
                request.responseFormat(),
                null,
                null,
                request.maxTokens(),
                request.maxCompletionTokens(),
                request.temperature(),
                request.topP(),
                request.n(),
                request.stop(),
                request.seed(),
                null,
                null,
                request.extra());
    }

    private static @Nullable Object sorted(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> ordered = new TreeMap<>();
            map.forEach((name, field) -> ordered.put(String.valueOf(name), sorted(field)));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CacheKeys::sorted).toList();
        }
        return value;
    }

    /** The route's part of its keys: the first 16 hex digits of the SHA-256 of the public model name. */
    static String routeTag(String model) {
        return sha256(model).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
