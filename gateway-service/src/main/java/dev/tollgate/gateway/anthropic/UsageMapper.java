package dev.tollgate.gateway.anthropic;

import dev.tollgate.model.openai.Usage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Usage between the two APIs. OpenAI's {@code prompt_tokens} include cached tokens; Anthropic reports cache reads and
 * cache writes apart from {@code input_tokens}. So {@code prompt_tokens} = input + cache reads + cache writes, and
 * {@code prompt_tokens_details.cached_tokens} = cache reads. OpenAI has no word for cache writes, so both counts are
 * also passed on as {@code cache_creation_input_tokens} and {@code cache_read_input_tokens}, as LiteLLM does; the
 * gateway prices cache writes from the former ({@code Tokens#CACHE_WRITE_FIELD}) at the route's cache-write price.
 */
final class UsageMapper {

    static final String CACHE_CREATION = "cache_creation_input_tokens";
    static final String CACHE_READ = "cache_read_input_tokens";

    private UsageMapper() {}

    static @Nullable Usage toUsage(@Nullable AnthropicUsage usage) {
        if (usage == null) {
            return null;
        }
        int creation = orZero(usage.cacheCreationInputTokens());
        int read = orZero(usage.cacheReadInputTokens());
        int prompt = orZero(usage.inputTokens()) + creation + read;
        int completion = orZero(usage.outputTokens());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(CACHE_CREATION, creation);
        extra.put(CACHE_READ, read);
        return new Usage(
                prompt, completion, prompt + completion, new Usage.PromptTokensDetails(read, null), null, extra);
    }

    /** The reverse: input tokens are the prompt tokens that were neither read from nor written to the cache. */
    static AnthropicUsage toAnthropicUsage(@Nullable Usage usage, int estimatedInput) {
        if (usage == null) {
            return AnthropicUsage.of(estimatedInput, 0, 0, 0);
        }
        int read = usage.promptTokensDetails() == null
                ? 0
                : orZero(usage.promptTokensDetails().cachedTokens());
        int creation = usage.extra().get(CACHE_CREATION) instanceof Number written ? written.intValue() : 0;
        int prompt = usage.promptTokens() == null ? estimatedInput : usage.promptTokens();
        return AnthropicUsage.of(
                Math.max(0, prompt - read - creation), creation, read, orZero(usage.completionTokens()));
    }

    /** Stream usage: what {@code message_delta} reports wins over what {@code message_start} said. */
    static AnthropicUsage merged(@Nullable AnthropicUsage start, @Nullable AnthropicUsage last) {
        if (start == null || last == null) {
            return start != null ? start : last != null ? last : AnthropicUsage.of(0, 0, 0, 0);
        }
        return new AnthropicUsage(
                last.inputTokens() != null ? last.inputTokens() : start.inputTokens(),
                last.cacheCreationInputTokens() != null
                        ? last.cacheCreationInputTokens()
                        : start.cacheCreationInputTokens(),
                last.cacheReadInputTokens() != null ? last.cacheReadInputTokens() : start.cacheReadInputTokens(),
                last.outputTokens() != null ? last.outputTokens() : start.outputTokens(),
                start.serviceTier());
    }

    private static int orZero(@Nullable Integer count) {
        return count == null ? 0 : count;
    }
}
