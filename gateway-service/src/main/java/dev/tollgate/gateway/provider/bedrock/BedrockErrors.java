package dev.tollgate.gateway.provider.bedrock;

import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.gateway.provider.ProviderErrors;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Bedrock's errors in OpenAI's terms. Bedrock names an error in the {@code x-amzn-ErrorType} header (or
 * {@code __type} in the body, or an exception frame's {@code :exception-type} mid-stream) and explains it in
 * {@code message}. The name decides the status the gateway reasons with and the normalised {@code code} callers and
 * routing branch on; {@link ProviderErrors} then decides the error code as for every provider.
 */
final class BedrockErrors {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final Pattern TOO_LONG = Pattern.compile(
            "input is too long|too many (input )?tokens|prompt is too long|context (window|length)|maximum context");
    private static final Pattern FILTERED = Pattern.compile("content filter|filtering policy|guardrail");
    private static final Pattern UNKNOWN_MODEL = Pattern.compile("model identifier is invalid|model .*not found");
    // The status each error is treated as, whatever status carried it (an exception frame arrives in a 200).
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("ThrottlingException", 429),
            Map.entry("ServiceQuotaExceededException", 429),
            Map.entry("ModelNotReadyException", 429),
            Map.entry("ValidationException", 400),
            Map.entry("ResourceNotFoundException", 404),
            Map.entry("AccessDeniedException", 403),
            Map.entry("UnrecognizedClientException", 403),
            Map.entry("ModelTimeoutException", 408),
            Map.entry("ModelErrorException", 502),
            Map.entry("ModelStreamErrorException", 502),
            Map.entry("InternalServerException", 500),
            Map.entry("ServiceUnavailableException", 503));

    private BedrockErrors() {}

    /** The exception for an error response: its status, headers and body. */
    static GatewayException fromResponse(String provider, HttpStatusCode status, HttpHeaders headers, String body) {
        JsonNode error = parse(body);
        String name = errorName(headers.getFirst("x-amzn-ErrorType"), error);
        return translate(
                provider,
                name == null ? status.value() : STATUS.getOrDefault(name, status.value()),
                name,
                headers,
                error);
    }

    /** The exception for an exception frame of a stream, such as {@code throttlingException}. */
    static GatewayException fromException(String provider, String exceptionType, byte[] payload) {
        String name = capitalized(exceptionType);
        return translate(
                provider,
                STATUS.getOrDefault(name, 502),
                name,
                HttpHeaders.EMPTY,
                parse(new String(payload, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static GatewayException translate(
            String provider, int status, @Nullable String name, HttpHeaders headers, @Nullable JsonNode error) {
        String message = message(error);
        ObjectNode openAi = json.createObjectNode();
        ObjectNode body = openAi.putObject("error");
        if (message != null) {
            body.put("message", message);
        }
        body.put("type", "invalid_request_error");
        String code = code(name, message);
        if (code != null) {
            body.put("code", code);
        }
        return ProviderErrors.fromStatus(provider, HttpStatusCode.valueOf(status), headers, openAi.toString());
    }

    /** The normalised code: {@code context_length_exceeded}, {@code content_filter}, {@code model_not_found}. */
    static @Nullable String code(@Nullable String name, @Nullable String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if ("ResourceNotFoundException".equals(name)
                || UNKNOWN_MODEL.matcher(text).find()) {
            return "model_not_found";
        }
        if (TOO_LONG.matcher(text).find()) {
            return "context_length_exceeded";
        }
        if (FILTERED.matcher(text).find()) {
            return "content_filter";
        }
        return name;
    }

    // "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/", or "com.amazon…#ThrottlingException".
    private static @Nullable String errorName(@Nullable String header, @Nullable JsonNode error) {
        String raw = header;
        if (raw == null && error != null && error.get("__type") != null) {
            raw = error.get("__type").asString();
        }
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.split(":", 2)[0];
        return name.substring(name.lastIndexOf('#') + 1).strip();
    }

    private static String capitalized(String exceptionType) {
        return exceptionType.isEmpty()
                ? exceptionType
                : Character.toUpperCase(exceptionType.charAt(0)) + exceptionType.substring(1);
    }

    private static @Nullable String message(@Nullable JsonNode error) {
        if (error == null) {
            return null;
        }
        JsonNode message = error.has("message") ? error.get("message") : error.get("Message");
        return message != null && message.isString() ? message.asString() : null;
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            JsonNode node = body.isBlank() ? null : json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
