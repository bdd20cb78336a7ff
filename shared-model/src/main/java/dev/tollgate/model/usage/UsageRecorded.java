package dev.tollgate.model.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What one authenticated request to the gateway used and cost: exactly one per request, whatever its outcome. Written
 * to the {@link UsageKeys#EVENTS_STREAM} stream as the flat fields of {@link #toFields()}; this record owns that
 * mapping in both directions. Amounts are decimal strings, never binary floating point.
 *
 * @param schemaVersion version of this shape; {@value #SCHEMA_VERSION} today, raised on any incompatible change
 * @param eventId a UUIDv7 made once per request; a replayed or resent event keeps it, so readers deduplicate by it
 * @param requestId the request's {@code x-request-id}
 * @param timestamp when the request started, UTC
 * @param tenantId the tenant that owns the key
 * @param keyId the virtual key's id
 * @param endUser the caller's end user: the body's {@code user}, else the {@code x-tollgate-user} header
 * @param tags caller-supplied labels from {@code x-tollgate-tag-<name>} headers, bounded in count and length
 * @param requestedModel the public model name asked for; {@code null} when the body could not be read
 * @param deploymentId the published deployment that served it; {@code null} for static routes and unrouted requests
 * @param provider the provider type that served it, such as {@code openai} or {@code mock}
 * @param upstreamModel the model name sent upstream
 * @param promptTokens input tokens, cached ones included
 * @param completionTokens output tokens, reasoning ones included
 * @param cachedTokens the share of the prompt served from the provider's cache
 * @param cacheWriteTokens the share of the prompt written to the provider's cache, which some providers charge extra
 *     for; written only when not zero
 * @param reasoningTokens the share of the output spent on hidden reasoning
 * @param tokensEstimated {@code true} when the counts are the gateway's own (the provider reported no usage), not the
 *     provider's
 * @param costUsd the exact cost in USD; {@code null} when unpriced
 * @param priceVersion the {@code effective_from} of the price version applied (ISO-8601), {@code mock} for the free
 *     built-in mock, {@code null} when no price applied
 * @param priced whether {@code costUsd} is known; a request that reached no provider costs exactly zero and is priced
 * @param status how the request ended
 * @param httpStatus the status the caller got (499 when it went away first)
 * @param latencyMs from request start to the event
 * @param ttftMs time to the first streamed event; {@code null} when not streaming or nothing was streamed
 * @param stream whether the caller asked for a stream
 * @param retries upstream attempts made after the first, on every model tried (the requested one and its fallbacks)
 * @param costCenter the tenant's cost center when the request was made, {@code null} when it has none
 * @param errorCode the OpenAI-style error code the caller got, such as {@code budget_exceeded} or
 *     {@code rate_limit_exceeded}; {@code null} on success
 * @param template the prompt template the request was rendered from, {@code null} when it sent its own messages
 * @param cache how the gateway's response cache answered, {@code null} when it did not (a miss, or not cacheable)
 * @param routing the fallbacks a request took, {@code null} when its requested model answered (or it was never routed)
 * @param guardrail what the guardrails decided, {@code null} when no policy matched anything
 */
public record UsageRecorded(
        int schemaVersion,
        String eventId,
        String requestId,
        Instant timestamp,
        String tenantId,
        String keyId,
        @Nullable String endUser,
        Map<String, String> tags,
        @Nullable String requestedModel,
        @Nullable String deploymentId,
        @Nullable String provider,
        @Nullable String upstreamModel,
        long promptTokens,
        long completionTokens,
        long cachedTokens,
        long cacheWriteTokens,
        long reasoningTokens,
        boolean tokensEstimated,
        @Nullable BigDecimal costUsd,
        @Nullable String priceVersion,
        boolean priced,
        UsageStatus status,
        int httpStatus,
        long latencyMs,
        @Nullable Long ttftMs,
        boolean stream,
        int retries,
        @Nullable String costCenter,
        @Nullable String errorCode,
        @Nullable TemplateUse template,
        @Nullable CacheUse cache,
        @Nullable RoutingUse routing,
        @Nullable GuardrailUse guardrail) {

    public static final int SCHEMA_VERSION = 1;

    /** Prefix of the fields that carry {@link #tags}, such as {@code tag.team}. */
    public static final String TAG_PREFIX = "tag.";

    public UsageRecorded {
        tags = Map.copyOf(tags);
    }

    /** The flat stream entry: one field per component, tags as {@code tag.<name>}, {@code null}s left out. */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("schema_version", String.valueOf(schemaVersion));
        fields.put("event_id", eventId);
        fields.put("request_id", requestId);
        fields.put("timestamp", timestamp.toString());
        fields.put("tenant_id", tenantId);
        fields.put("key_id", keyId);
        putIfPresent(fields, "end_user", endUser);
        putIfPresent(fields, "requested_model", requestedModel);
        putIfPresent(fields, "deployment_id", deploymentId);
        putIfPresent(fields, "provider", provider);
        putIfPresent(fields, "upstream_model", upstreamModel);
        fields.put("prompt_tokens", String.valueOf(promptTokens));
        fields.put("completion_tokens", String.valueOf(completionTokens));
        fields.put("cached_tokens", String.valueOf(cachedTokens));
        if (cacheWriteTokens != 0) {
            fields.put("cache_write_tokens", String.valueOf(cacheWriteTokens));
        }
        fields.put("reasoning_tokens", String.valueOf(reasoningTokens));
        fields.put("tokens_estimated", String.valueOf(tokensEstimated));
        putIfPresent(fields, "cost_usd", costUsd == null ? null : costUsd.toPlainString());
        putIfPresent(fields, "price_version", priceVersion);
        fields.put("priced", String.valueOf(priced));
        fields.put("status", status.wire());
        fields.put("http_status", String.valueOf(httpStatus));
        fields.put("latency_ms", String.valueOf(latencyMs));
        putIfPresent(fields, "ttft_ms", ttftMs == null ? null : String.valueOf(ttftMs));
        fields.put("stream", String.valueOf(stream));
        fields.put("retries", String.valueOf(retries));
        putIfPresent(fields, "cost_center", costCenter);
        putIfPresent(fields, "error_code", errorCode);
        if (template != null) {
            fields.put("template_name", template.name());
            fields.put("template_version", String.valueOf(template.version()));
            putIfPresent(fields, "template_label", template.label());
        }
        if (cache != null) {
            fields.put("cache_hit", cache.kind());
            fields.put("cache_saved_usd", cache.savedUsd().toPlainString());
        }
        if (routing != null) {
            fields.put("fallbacks", String.valueOf(routing.fallbacks()));
            putIfPresent(fields, "served_model", routing.servedModel());
        }
        if (guardrail != null) {
            fields.put("guardrail_action", guardrail.action());
            fields.put("guardrail_hits", String.join(",", guardrail.hits()));
        }
        new TreeMap<>(tags).forEach((name, value) -> fields.put(TAG_PREFIX + name, value));
        return fields;
    }

    /**
     * The event written as {@code fields}. Unknown fields are ignored, so a newer writer's additions do not break an
     * older reader.
     *
     * @throws IllegalArgumentException when a required field is missing or malformed, or the schema version is not
     *     {@value #SCHEMA_VERSION}
     */
    public static UsageRecorded fromFields(Map<String, String> fields) {
        Fields in = new Fields(fields);
        int version = in.required("schema_version", Integer::parseInt);
        if (version != SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported usage event schema_version " + version);
        }
        return new UsageRecorded(
                version,
                in.required("event_id"),
                in.required("request_id"),
                in.required("timestamp", Instant::parse),
                in.required("tenant_id"),
                in.required("key_id"),
                in.optional("end_user"),
                tagsIn(fields),
                in.optional("requested_model"),
                in.optional("deployment_id"),
                in.optional("provider"),
                in.optional("upstream_model"),
                in.required("prompt_tokens", Long::parseLong),
                in.required("completion_tokens", Long::parseLong),
                in.required("cached_tokens", Long::parseLong),
                Objects.requireNonNullElse(in.optional("cache_write_tokens", Long::valueOf), 0L),
                in.required("reasoning_tokens", Long::parseLong),
                in.required("tokens_estimated", Fields::bool),
                in.optional("cost_usd", BigDecimal::new),
                in.optional("price_version"),
                in.required("priced", Fields::bool),
                in.required("status", UsageStatus::fromWire),
                in.required("http_status", Integer::parseInt),
                in.required("latency_ms", Long::parseLong),
                in.optional("ttft_ms", Long::valueOf),
                in.required("stream", Fields::bool),
                in.required("retries", Integer::parseInt),
                in.optional("cost_center"),
                in.optional("error_code"),
                templateIn(in),
                cacheIn(in),
                routingIn(in),
                guardrailIn(in));
    }

    /**
     * The prompt template a request was rendered from.
     *
     * @param name the template's name
     * @param version the published version rendered
     * @param label the label that picked it, such as {@code production}; {@code null} when a version was asked for
     */
    public record TemplateUse(
            String name, int version, @Nullable String label) {}

    /**
     * A request the gateway's response cache answered: it cost nothing, and its token counts are those the cached
     * answer used, which the request would have spent.
     *
     * @param kind {@code hit} (exact) or {@code semantic-hit}
     * @param savedUsd what the request would have cost at the price in force
     */
    public record CacheUse(String kind, BigDecimal savedUsd) {}

    /**
     * How a request moved to fallback models.
     *
     * @param fallbacks fallback models tried, the one that answered included
     * @param servedModel the public model whose deployment answered, {@code null} when none did
     */
    public record RoutingUse(int fallbacks, @Nullable String servedModel) {}

    /**
     * What the guardrails decided for a request. Never the text that matched: only which detectors did.
     *
     * @param action the strongest action taken: {@code logged}, {@code redacted} or {@code blocked}
     * @param hits the detectors that matched, such as {@code pii.email} or {@code injection}, each once
     */
    public record GuardrailUse(String action, List<String> hits) {

        public GuardrailUse {
            hits = List.copyOf(hits);
        }
    }

    private static @Nullable RoutingUse routingIn(Fields in) {
        Integer fallbacks = in.optional("fallbacks", Integer::valueOf);
        return fallbacks == null ? null : new RoutingUse(fallbacks, in.optional("served_model"));
    }

    private static @Nullable GuardrailUse guardrailIn(Fields in) {
        String action = in.optional("guardrail_action");
        if (action == null) {
            return null;
        }
        String hits = in.optional("guardrail_hits");
        return new GuardrailUse(action, hits == null || hits.isEmpty() ? List.of() : List.of(hits.split(",")));
    }

    private static @Nullable CacheUse cacheIn(Fields in) {
        String kind = in.optional("cache_hit");
        return kind == null ? null : new CacheUse(kind, in.required("cache_saved_usd", BigDecimal::new));
    }

    private static @Nullable TemplateUse templateIn(Fields in) {
        String name = in.optional("template_name");
        if (name == null) {
            return null;
        }
        return new TemplateUse(name, in.required("template_version", Integer::parseInt), in.optional("template_label"));
    }

    private static void putIfPresent(Map<String, String> fields, String name, @Nullable String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static Map<String, String> tagsIn(Map<String, String> fields) {
        Map<String, String> tags = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(TAG_PREFIX)) {
                tags.put(name.substring(TAG_PREFIX.length()), value);
            }
        });
        return tags;
    }

    /** Reads typed values out of a flat entry, naming the field that is wrong. */
    private record Fields(Map<String, String> fields) {

        String required(String name) {
            return required(name, Function.identity());
        }

        <T> T required(String name, Function<String, T> parse) {
            T value = optional(name, parse);
            if (value == null) {
                throw new IllegalArgumentException("usage event field " + name + " is missing");
            }
            return value;
        }

        @Nullable
        String optional(String name) {
            return fields.get(name);
        }

        <T> @Nullable T optional(String name, Function<String, T> parse) {
            String value = fields.get(name);
            try {
                return value == null ? null : parse.apply(value);
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("usage event field " + name + " is malformed: " + value, malformed);
            }
        }

        static boolean bool(String value) {
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("not a boolean");
            };
        }
    }
}
