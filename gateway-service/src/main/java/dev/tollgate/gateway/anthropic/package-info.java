/**
 * Anthropic's Messages API as the gateway speaks it: its wire records, and pure mappings between it and the canonical
 * OpenAI chat completions model in both directions (requests, responses, stream events and errors). The provider
 * adapter uses the forward direction; the Anthropic-compatible ingress uses the reverse. Entry points:
 * {@link dev.tollgate.gateway.anthropic.AnthropicMapper}, {@link dev.tollgate.gateway.anthropic.AnthropicStreamReader}
 * and {@link dev.tollgate.gateway.anthropic.AnthropicStreamWriter}.
 */
@NullMarked
package dev.tollgate.gateway.anthropic;

import org.jspecify.annotations.NullMarked;
