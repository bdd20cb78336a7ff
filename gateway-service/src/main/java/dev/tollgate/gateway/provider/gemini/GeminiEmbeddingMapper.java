package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.provider.gemini.GeminiContent.Part;
import dev.tollgate.gateway.provider.gemini.GeminiEmbedding.BatchRequest;
import dev.tollgate.gateway.provider.gemini.GeminiEmbedding.BatchResponse;
import dev.tollgate.gateway.provider.gemini.GeminiEmbedding.Values;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import dev.tollgate.model.openai.EmbeddingResponse.Embedding;
import dev.tollgate.model.openai.EmbeddingResponse.EmbeddingUsage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Pure functions between OpenAI's embedding requests and Gemini's {@code batchEmbedContents}. One input string is one
 * Gemini request; inputs are sent in batches of {@value #BATCH}, Gemini's limit, and their vectors joined in order.
 */
final class GeminiEmbeddingMapper {

    /** The most requests Gemini takes in one {@code batchEmbedContents}. */
    static final int BATCH = 100;

    private GeminiEmbeddingMapper() {}

    /** The batches to send for {@code request}; {@code model} is the resource name, {@code models/…}. */
    static List<BatchRequest> toBatches(EmbeddingRequest request, String model) {
        List<String> inputs = inputs(request.input());
        List<BatchRequest> batches = new ArrayList<>();
        for (int start = 0; start < inputs.size(); start += BATCH) {
            List<GeminiEmbedding.Request> batch = inputs.subList(start, Math.min(inputs.size(), start + BATCH)).stream()
                    .map(text -> new GeminiEmbedding.Request(
                            model, new GeminiContent(null, List.of(Part.text(text))), request.dimensions()))
                    .toList();
            batches.add(new BatchRequest(batch));
        }
        return batches;
    }

    /**
     * OpenAI's embedding list from the answers to every batch, in order. Vectors are floats, or little-endian float32
     * in base64 when the caller asked for {@code encoding_format: base64} (OpenAI's Python SDK does by default).
     * Gemini reports no usage for embeddings today: then {@code usage} is absent and the gateway meters the input with
     * its own count, which the usage event marks as estimated.
     */
    static EmbeddingResponse toEmbeddingResponse(List<BatchResponse> answers, EmbeddingRequest request, String model) {
        boolean base64 = "base64".equals(request.encodingFormat());
        List<Embedding> data = new ArrayList<>();
        Integer promptTokens = 0;
        for (BatchResponse answer : answers) {
            for (Values values : answer.embeddings() == null ? List.<Values>of() : answer.embeddings()) {
                List<Float> vector = values.values() == null ? List.of() : values.values();
                data.add(new Embedding("embedding", data.size(), base64 ? base64(vector) : vector));
            }
            promptTokens = add(
                    promptTokens,
                    answer.usageMetadata() == null
                            ? null
                            : answer.usageMetadata().promptTokenCount());
        }
        EmbeddingUsage usage = promptTokens == null ? null : new EmbeddingUsage(promptTokens, promptTokens);
        return new EmbeddingResponse("list", data, model, usage, null);
    }

    private static List<String> inputs(@Nullable Object input) {
        if (input instanceof String text) {
            return List.of(text);
        }
        if (input instanceof List<?> items && !items.isEmpty() && items.stream().allMatch(String.class::isInstance)) {
            return items.stream().map(String.class::cast).toList();
        }
        throw GeminiMapper.invalid(
                "input must be a string or an array of strings (Gemini embeds text, not tokens)", "input");
    }

    // A batch without a count makes the whole count unknown.
    private static @Nullable Integer add(@Nullable Integer sum, @Nullable Integer count) {
        return sum == null || count == null ? null : sum + count;
    }

    private static String base64(List<Float> vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        vector.forEach(bytes::putFloat);
        return Base64.getEncoder().encodeToString(bytes.array());
    }
}
