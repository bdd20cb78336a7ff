package dev.tollgate.gateway.usage;

import dev.tollgate.model.openai.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The tokens one request used.
 *
 * @param prompt input tokens, cached ones included
 * @param completion output tokens, reasoning ones included
 * @param cached the cached share of {@code prompt}
 * @param cacheWritten the share of {@code prompt} written to the provider's prompt cache
 * @param reasoning the reasoning share of {@code completion}
 * @param estimated whether the gateway counted them itself instead of taking the provider's report
 */
public record Tokens(long prompt, long completion, long cached, long cacheWritten, long reasoning, boolean estimated) {

    /**
     * Where adapters of providers that charge for cache writes (Anthropic, Bedrock) report them in OpenAI's usage,
     * LiteLLM's name for them; OpenAI itself has no such count.
     */
    public static final String CACHE_WRITE_FIELD = "cache_creation_input_tokens";

    /** A request that reached no model: nothing to bill. */
    public static final Tokens NONE = new Tokens(0, 0, 0, 0, 0, false);

    /** The gateway's own count, for when the provider reported nothing. */
    public static Tokens counted(long prompt, long completion) {
        return new Tokens(prompt, completion, 0, 0, 0, true);
    }

    /** The provider's report, the final truth; a missing prompt count falls back to {@code countedPrompt}. */
    public static Tokens reported(Usage usage, long countedPrompt) {
        long cached = usage.promptTokensDetails() == null
                ? 0
                : orZero(usage.promptTokensDetails().cachedTokens());
        long reasoning = usage.completionTokensDetails() == null
                ? 0
                : orZero(usage.completionTokensDetails().reasoningTokens());
        boolean promptKnown = usage.promptTokens() != null;
        long prompt = promptKnown ? usage.promptTokens() : countedPrompt;
        // A write count beyond the prompt's uncached part would price part of the prompt below zero.
        long written = usage.extra().get(CACHE_WRITE_FIELD) instanceof Number count
                ? Math.clamp(count.longValue(), 0, Math.max(0, prompt - cached))
                : 0;
        return new Tokens(prompt, orZero(usage.completionTokens()), cached, written, reasoning, !promptKnown);
    }

    /** The provider's report when there is one, else the gateway's count. */
    public static Tokens of(@Nullable Usage usage, long countedPrompt, long countedCompletion) {
        return usage == null ? counted(countedPrompt, countedCompletion) : reported(usage, countedPrompt);
    }

    private static long orZero(@Nullable Integer count) {
        return count == null ? 0 : count;
    }
}
