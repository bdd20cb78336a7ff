package dev.tollgate.model.prompt;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One chat message of a prompt template.
 *
 * @param role {@code system}, {@code developer}, {@code user} or {@code assistant}
 * @param content text with {@code {{variable}}} placeholders
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromptMessage(String role, String content) {}
