package dev.tollgate.gateway.provider.gemini;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code generateContent} and {@code streamGenerateContent}.
 *
 * @param contents the conversation, system messages excluded
 * @param systemInstruction the system and developer messages
 * @param tools the functions the model may call
 * @param toolConfig whether and which functions it must call
 * @param generationConfig sampling, length, stop sequences and output format
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record GeminiRequest(
        @JsonProperty("contents") List<GeminiContent> contents,
        @JsonProperty("systemInstruction") @Nullable GeminiContent systemInstruction,
        @JsonProperty("tools") @Nullable List<Tool> tools,
        @JsonProperty("toolConfig") @Nullable ToolConfig toolConfig,
        @JsonProperty("generationConfig") @Nullable GenerationConfig generationConfig) {

    /**
     * A set of function declarations.
     *
     * @param functionDeclarations the functions
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Tool(@JsonProperty("functionDeclarations") List<FunctionDeclaration> functionDeclarations) {}

    /**
     * One function the model may call.
     *
     * @param name its name
     * @param description what it does
     * @param parameters its arguments as Gemini's schema (an OpenAPI subset); absent when it takes none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionDeclaration(
            @JsonProperty("name") String name,
            @JsonProperty("description") @Nullable String description,
            @JsonProperty("parameters") @Nullable Map<String, Object> parameters) {}

    /**
     * How the model uses the declared functions.
     *
     * @param functionCallingConfig the mode and the functions allowed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ToolConfig(@JsonProperty("functionCallingConfig") FunctionCallingConfig functionCallingConfig) {}

    /**
     * Whether the model may, must or must not call functions.
     *
     * @param mode {@code AUTO}, {@code ANY} or {@code NONE}
     * @param allowedFunctionNames with {@code ANY}, the functions it may choose from
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FunctionCallingConfig(
            @JsonProperty("mode") String mode,
            @JsonProperty("allowedFunctionNames") @Nullable List<String> allowedFunctionNames) {}

    /**
     * Generation parameters; every one optional.
     *
     * @param stopSequences strings that end generation
     * @param responseMimeType {@code application/json} for JSON output
     * @param responseSchema the schema JSON output must follow (Gemini's OpenAPI subset)
     * @param candidateCount alternatives to generate
     * @param maxOutputTokens cap on generated tokens
     * @param temperature sampling temperature
     * @param topP nucleus sampling mass
     * @param topK top-k sampling
     * @param seed decoding seed
     * @param presencePenalty penalty for tokens already present
     * @param frequencyPenalty penalty growing with a token's count
     * @param thinkingConfig the reasoning budget of thinking models
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GenerationConfig(
            @JsonProperty("stopSequences") @Nullable List<String> stopSequences,
            @JsonProperty("responseMimeType") @Nullable String responseMimeType,
            @JsonProperty("responseSchema") @Nullable Map<String, Object> responseSchema,
            @JsonProperty("candidateCount") @Nullable Integer candidateCount,
            @JsonProperty("maxOutputTokens") @Nullable Integer maxOutputTokens,
            @JsonProperty("temperature") @Nullable Double temperature,
            @JsonProperty("topP") @Nullable Double topP,
            @JsonProperty("topK") @Nullable Integer topK,
            @JsonProperty("seed") @Nullable Integer seed,
            @JsonProperty("presencePenalty") @Nullable Double presencePenalty,
            @JsonProperty("frequencyPenalty") @Nullable Double frequencyPenalty,
            @JsonProperty("thinkingConfig") @Nullable ThinkingConfig thinkingConfig) {

        boolean isEmpty() {
            return equals(new GenerationConfig(null, null, null, null, null, null, null, null, null, null, null, null));
        }
    }

    /**
     * The reasoning budget of a thinking model.
     *
     * @param thinkingBudget tokens it may think for; {@code 0} turns thinking off where the model allows
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ThinkingConfig(@JsonProperty("thinkingBudget") Integer thinkingBudget) {}
}
