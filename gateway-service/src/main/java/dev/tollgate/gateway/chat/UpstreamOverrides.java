package dev.tollgate.gateway.chat;

import dev.tollgate.gateway.error.ErrorCode;
import dev.tollgate.gateway.error.GatewayException;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.MessageContent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Refuses requests that try to choose the upstream themselves, as some client libraries let callers do: only the
 * address the administrator configured is ever called. Looks at every field the gateway does not model, at any depth,
 * and at header names; modelled fields such as a tool's JSON schema are data and are not judged.
 */
final class UpstreamOverrides {

    private static final Set<String> FIELDS =
            Set.of("api_base", "base_url", "api_url", "azure_endpoint", "endpoint", "host");
    // Substrings, not whole names: proxies legitimately add x-forwarded-host and friends, which are not refused.
    private static final List<String> HEADER_PARTS = List.of("base-url", "api-base", "upstream");

    private UpstreamOverrides() {}

    static void rejectIn(HttpHeaders headers) {
        for (String name : headers.headerNames()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HEADER_PARTS.stream().anyMatch(lower::contains)) {
                throw refused("The header '%s' is not accepted: the gateway chooses the upstream.".formatted(name));
            }
        }
    }

    static void rejectIn(ChatCompletionRequest request) {
        rejectIn(request.extra(), "");
        if (request.messages() != null) {
            request.messages().forEach(UpstreamOverrides::rejectIn);
        }
        if (request.tools() != null) {
            request.tools().forEach(tool -> rejectIn(tool.extra(), "tools[]."));
        }
        if (request.streamOptions() != null) {
            rejectIn(request.streamOptions().extra(), "stream_options.");
        }
    }

    static void rejectIn(Map<String, Object> extra, String path) {
        extra.forEach((name, value) -> rejectField(path + name, name, value));
    }

    private static void rejectIn(@Nullable ChatMessage message) {
        if (message == null) {
            return;
        }
        rejectIn(message.extra(), "messages[].");
        if (message.content() instanceof MessageContent.Parts parts) {
            parts.parts().forEach(part -> rejectIn(part == null ? Map.of() : part.extra(), "messages[].content[]."));
        }
    }

    private static void rejectField(String path, String name, @Nullable Object value) {
        if (FIELDS.contains(name.toLowerCase(Locale.ROOT))) {
            throw refused("The field '%s' is not accepted: the gateway chooses the upstream.".formatted(path));
        }
        walk(path, value);
    }

    private static void walk(String path, @Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, nested) -> rejectField(path + "." + name, String.valueOf(name), nested));
        } else if (value instanceof List<?> list) {
            list.forEach(item -> walk(path + "[]", item));
        }
    }

    private static GatewayException refused(String message) {
        return GatewayException.rejected(ErrorCode.INVALID_REQUEST, message);
    }
}
