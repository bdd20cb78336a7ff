package dev.tollgate.gateway.provider.mock;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Deterministic replies and their real token counts (OpenAI's o200k_base encoding), so that demos, tests and
 * benchmarks see the numbers a real model family would report for the same text.
 */
final class MockReplies {

    // OpenAI's documented chat framing: every message costs 3 tokens beyond its text, every reply is primed with 3.
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;
    private static final int ECHO_LIMIT = 200;

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

    /**
     * A reply text and whether it was cut by the request's token cap.
     *
     * @param text what the assistant says
     * @param truncated whether {@code max_tokens} cut it short
     */
    record Reply(String text, boolean truncated) {}

    Reply replyTo(ChatCompletionRequest request) {
        String text = "This is a mock reply from Tollgate. You said: " + echo(lastUserText(request.messages()));
        Integer cap = request.maxCompletionTokens() != null ? request.maxCompletionTokens() : request.maxTokens();
        return cap == null ? new Reply(text, false) : truncate(text, cap);
    }

    int promptTokens(List<ChatMessage> messages) {
        int tokens = REPLY_PRIMING;
        for (ChatMessage message : messages) {
            tokens += TOKENS_PER_MESSAGE
                    + count(message.role())
                    + count(message.content() == null ? null : message.content().text());
        }
        return tokens;
    }

    int count(@Nullable String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokens(text);
    }

    /** Cuts {@code text} into about {@code pieces} runs of whole words, keeping every space, so they join back exactly. */
    static List<String> pieces(String text, int pieces) {
        String[] words = text.split("(?<= )");
        int perPiece = Math.max(1, (int) Math.ceil(words.length / (double) pieces));
        List<String> result = new ArrayList<>();
        for (int start = 0; start < words.length; start += perPiece) {
            result.add(String.join(
                    "", java.util.Arrays.copyOfRange(words, start, Math.min(words.length, start + perPiece))));
        }
        return result;
    }

    private Reply truncate(String text, int maxTokens) {
        IntArrayList tokens = encoding.encode(text);
        if (tokens.size() <= maxTokens) {
            return new Reply(text, false);
        }
        IntArrayList kept = new IntArrayList(maxTokens);
        for (int i = 0; i < maxTokens; i++) {
            kept.add(tokens.get(i));
        }
        return new Reply(encoding.decode(kept), true);
    }

    private static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if ("user".equals(message.role()) && message.content() != null) {
                return message.content().text();
            }
        }
        return "";
    }

    private static String echo(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= ECHO_LIMIT ? flat : flat.substring(0, ECHO_LIMIT) + "…";
    }
}
