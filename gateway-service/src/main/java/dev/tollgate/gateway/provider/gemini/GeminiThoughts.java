package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.model.openai.ToolCall;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Carries Gemini's thought signatures through OpenAI-shaped tool calls. Gemini 3 returns a {@code thoughtSignature}
 * with each function call and refuses a follow-up request whose history lacks it; OpenAI's tool calls have no such
 * field, so the signature travels where Google's own OpenAI-compatible endpoint puts it, in
 * {@code tool_calls[].extra_content.google.thought_signature}, which SDKs pass back with the assistant message.
 *
 * <p>Gemini signs the first function call of each model turn. A turn that comes back with no signature at all (a
 * client that drops unknown fields, a conversation begun on another model) gets the placeholder Google documents for
 * history it did not generate, {@code skip_thought_signature_validator} (base64, as the field is bytes), on its first
 * call, so Gemini 3 does not refuse it; older models ignore signatures.
 */
final class GeminiThoughts {

    /** Base64 of {@code skip_thought_signature_validator}. */
    static final String SKIP_VALIDATOR = "c2tpcF90aG91Z2h0X3NpZ25hdHVyZV92YWxpZGF0b3I=";

    private GeminiThoughts() {}

    /** The signature a client sent back with an assistant tool call, if any. */
    static @Nullable String signatureOf(ToolCall call) {
        if (call.extra().get("extra_content") instanceof Map<?, ?> content
                && content.get("google") instanceof Map<?, ?> google
                && google.get("thought_signature") instanceof String signature) {
            return signature;
        }
        return null;
    }

    /** The extra fields of a tool call that carries {@code signature}; empty when there is none. */
    static Map<String, Object> extraFor(@Nullable String signature) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (signature != null) {
            extra.put("extra_content", Map.of("google", Map.of("thought_signature", signature)));
        }
        return extra;
    }
}
