package dev.tollgate.gateway.guardrail;

import dev.tollgate.model.openai.EmbeddingRequest;
import java.util.List;
import java.util.Objects;

/**
 * Screens embedding inputs: a string, or each string of an array (token arrays pass as they are). Redactions are
 * plain ({@code [REDACTED_EMAIL]}), since an embedding answers no text to restore originals into.
 */
final class EmbeddingRequests {

    private EmbeddingRequests() {}

    static EmbeddingRequest screened(EmbeddingRequest request, Stage stage, Decisions decisions) {
        if (stage.rules().isEmpty()) {
            return request;
        }
        Object input = request.input();
        Object screened = input;
        if (input instanceof String text) {
            screened = screen(text, stage, decisions);
        } else if (input instanceof List<?> items) {
            screened = items.stream()
                    .map(item -> item instanceof String text ? screen(text, stage, decisions) : item)
                    .toList();
        }
        if (Objects.equals(screened, input)) {
            return request;
        }
        return new EmbeddingRequest(
                request.model(),
                screened,
                request.encodingFormat(),
                request.dimensions(),
                request.user(),
                request.extra());
    }

    private static String screen(String text, Stage stage, Decisions decisions) {
        return TextScreen.screen(text, stage.forRole("user"), decisions, null);
    }
}
