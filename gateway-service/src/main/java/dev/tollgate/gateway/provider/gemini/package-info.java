/**
 * Adapter for Google's Gemini API ({@code generateContent}, {@code streamGenerateContent}, {@code batchEmbedContents}):
 * translates the gateway's OpenAI-shaped requests, answers, stream chunks, tool calls, usage and errors both ways.
 */
@NullMarked
package dev.tollgate.gateway.provider.gemini;

import org.jspecify.annotations.NullMarked;
