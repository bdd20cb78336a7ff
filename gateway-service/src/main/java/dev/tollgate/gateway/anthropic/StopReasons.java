package dev.tollgate.gateway.anthropic;

import org.jspecify.annotations.Nullable;

/** Anthropic's {@code stop_reason} and OpenAI's {@code finish_reason}, both ways. */
final class StopReasons {

    private StopReasons() {}

    static String toFinishReason(@Nullable String stopReason) {
        return switch (String.valueOf(stopReason)) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop"; // end_turn, stop_sequence, pause_turn, none
        };
    }

    // OpenAI does not say which stop sequence matched, so "stop" is always end_turn.
    static String toStopReason(@Nullable String finishReason) {
        return switch (String.valueOf(finishReason)) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            default -> "end_turn";
        };
    }
}
