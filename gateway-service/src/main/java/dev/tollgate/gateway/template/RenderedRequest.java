package dev.tollgate.gateway.template;

import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.usage.UsageRecorded.TemplateUse;
import org.jspecify.annotations.Nullable;

/**
 * A chat request ready for validation and routing: the caller's own, or the one rendered from a prompt template.
 *
 * @param request what the rest of the pipeline sees; its model is the template's when one was used
 * @param template the template, version and label it was rendered from; {@code null} when none was named
 */
public record RenderedRequest(
        ChatCompletionRequest request, @Nullable TemplateUse template) {}
