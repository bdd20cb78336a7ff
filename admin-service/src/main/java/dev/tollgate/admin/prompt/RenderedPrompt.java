package dev.tollgate.admin.prompt;

import dev.tollgate.model.prompt.PromptMessage;
import java.util.List;
import java.util.Map;

/** A version rendered with sample values: what the gateway would send upstream. */
record RenderedPrompt(int version, String model, Map<String, Object> parameters, List<PromptMessage> messages) {}
