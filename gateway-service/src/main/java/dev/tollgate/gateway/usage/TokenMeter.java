package dev.tollgate.gateway.usage;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.tollgate.gateway.chat.OpenAiJson;
import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.ChatMessage;
import dev.tollgate.model.openai.EmbeddingRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Counts tokens the way OpenAI's models do, before the provider reports them: prompts before forwarding (what limits
 * will admit on), and streamed output when a stream ends without a usage report. The encoding follows the upstream
 * model's family: {@code o200k_base} for gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and the o-series, {@code cl100k_base} for
 * gpt-4, gpt-3.5 and the text-embedding-3 and ada embeddings. Any other model (Llama, Mistral, Claude behind an
 * OpenAI-compatible API) is counted with {@code o200k_base} as an estimate; every count of the gateway's own is
 * labelled estimated in the usage event, and the provider's report replaces it whenever there is one.
 */
@Component
public final class TokenMeter {

    // OpenAI's documented chat framing: 3 tokens per message, 1 more for a name, 3 to prime the reply.
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_NAME = 1;
    private static final int REPLY_PRIMING = 3;
    private static final List<String> O200K =
            List.of("gpt-4o", "chatgpt-4o", "gpt-4.1", "gpt-4.5", "gpt-5", "o1", "o3", "o4", "gpt-oss");
    private static final List<String> CL100K =
            List.of("gpt-4", "gpt-3.5", "text-embedding-3", "text-embedding-ada", "ada");

    private final Encoding o200k;
    private final Encoding cl100k;
    private final OpenAiJson json;

    TokenMeter(OpenAiJson json) {
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        this.o200k = registry.getEncoding(EncodingType.O200K_BASE);
        this.cl100k = registry.getEncoding(EncodingType.CL100K_BASE);
        this.json = json;
        o200k.countTokens("warm-up"); // loads the vocabularies now, not on the first request's event loop
        cl100k.countTokens("warm-up");
    }

    /** Prompt tokens of a chat request sent to {@code model}: messages with their framing, tools as JSON. */
    public int prompt(ChatCompletionRequest request, String model) {
        Encoding encoding = encodingFor(model);
        int tokens = REPLY_PRIMING;
        for (ChatMessage message : request.messages() == null ? List.<ChatMessage>of() : request.messages()) {
            tokens += message(encoding, message);
        }
        if (request.tools() != null && !request.tools().isEmpty()) {
            tokens += count(encoding, json.mapper().writeValueAsString(request.tools()));
        }
        return tokens;
    }

    /** Input tokens of an embedding request sent to {@code model}; pre-tokenized input counts as its length. */
    public int input(EmbeddingRequest request, String model) {
        Encoding encoding = encodingFor(model);
        Object input = request.input();
        if (input instanceof List<?> items) {
            return items.stream().mapToInt(item -> inputItem(encoding, item)).sum();
        }
        return inputItem(encoding, input);
    }

    /** Output tokens in one stream chunk: content, refusal and tool-call fragments of every choice. */
    public int completion(ChatCompletionChunk chunk, String model) {
        if (chunk.choices() == null) {
            return 0;
        }
        Encoding encoding = encodingFor(model);
        return chunk.choices().stream()
                .filter(choice -> choice != null && choice.delta() != null)
                .mapToInt(choice -> delta(encoding, choice.delta()))
                .sum();
    }

    /** Output tokens of a whole answer, for a provider that reported no usage. */
    public int completion(ChatCompletion completion, String model) {
        if (completion.choices() == null) {
            return 0;
        }
        Encoding encoding = encodingFor(model);
        return completion.choices().stream()
                .filter(choice -> choice != null && choice.message() != null)
                .mapToInt(choice -> delta(encoding, choice.message()))
                .sum();
    }

    static EncodingType encodingTypeFor(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        name = name.substring(name.lastIndexOf('/') + 1); // openai/gpt-4o, azure deployments named after the model
        if (O200K.stream().anyMatch(name::startsWith)) {
            return EncodingType.O200K_BASE;
        }
        return CL100K.stream().anyMatch(name::startsWith) ? EncodingType.CL100K_BASE : EncodingType.O200K_BASE;
    }

    private Encoding encodingFor(String model) {
        return encodingTypeFor(model) == EncodingType.CL100K_BASE ? cl100k : o200k;
    }

    private int message(Encoding encoding, ChatMessage message) {
        int tokens = TOKENS_PER_MESSAGE + count(encoding, message.role());
        tokens += count(
                encoding, message.content() == null ? null : message.content().text());
        if (message.name() != null) {
            tokens += TOKENS_PER_NAME + count(encoding, message.name());
        }
        if (message.toolCalls() != null && !message.toolCalls().isEmpty()) {
            tokens += count(encoding, json.mapper().writeValueAsString(message.toolCalls()));
        }
        return tokens + count(encoding, message.toolCallId());
    }

    private int delta(Encoding encoding, ChatMessage delta) {
        int tokens =
                count(encoding, delta.content() == null ? null : delta.content().text());
        tokens += count(encoding, delta.refusal());
        if (delta.toolCalls() != null) {
            for (var call : delta.toolCalls()) {
                tokens += call.function() == null
                        ? 0
                        : count(encoding, call.function().name())
                                + count(encoding, call.function().arguments());
            }
        }
        return tokens;
    }

    private int inputItem(Encoding encoding, @Nullable Object item) {
        if (item instanceof String text) {
            return count(encoding, text);
        }
        return item instanceof List<?> tokenIds ? tokenIds.size() : 0;
    }

    // Ordinary counting: text that looks like a special token (<|endoftext|>) is text here, as the API treats it.
    private static int count(Encoding encoding, @Nullable String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
