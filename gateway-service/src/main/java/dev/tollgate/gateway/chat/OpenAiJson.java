package dev.tollgate.gateway.chat;

import dev.tollgate.model.openai.ChatCompletion;
import dev.tollgate.model.openai.ChatCompletionChunk;
import dev.tollgate.model.openai.ChatCompletionRequest;
import dev.tollgate.model.openai.EmbeddingRequest;
import dev.tollgate.model.openai.EmbeddingResponse;
import dev.tollgate.model.openai.ErrorResponse;
import dev.tollgate.model.openai.ModelList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON mapper for everything on {@code /v1}, in both directions. It is strict where a lax parser would hide a bug
 * or let a caller smuggle something past a check: {@code "stream": "true"} is not a boolean, {@code 1.5} is not an
 * integer, {@code 42} is not a string, a duplicated key is an error, and nesting is capped.
 */
@Component
public final class OpenAiJson {

    private final JsonMapper mapper;
    private final JsonMapper upstreamMapper = JsonMapper.builder().build();

    @Autowired
    OpenAiJson(ApiProperties properties) {
        this(properties.maxNestingDepth());
    }

    /** A mapper with the given nesting cap; used directly by adapters' tests. */
    public OpenAiJson(int maxNestingDepth) {
        this.mapper = strictMapper(maxNestingDepth);
        warmUp(mapper);
        warmUp(upstreamMapper);
    }

    // Jackson builds a type's (de)serializers on first use under a lock; building them now keeps the first burst of
    // requests from queueing on it on the event loop.
    private static void warmUp(JsonMapper json) {
        for (Class<?> type : WIRE_TYPES) {
            json.readerFor(type);
            json.writerFor(type);
        }
    }

    private static final List<Class<?>> WIRE_TYPES = List.of(
            ChatCompletionRequest.class,
            ChatCompletion.class,
            ChatCompletionChunk.class,
            EmbeddingRequest.class,
            EmbeddingResponse.class,
            ErrorResponse.class,
            ModelList.class);

    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * The mapper for provider responses: the gateway is strict with its callers and tolerant of what providers send,
     * which it passes on rather than judges.
     */
    public JsonMapper upstreamMapper() {
        return upstreamMapper;
    }

    /** Serialises a response or upstream request body. */
    public byte[] write(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    private static JsonMapper strictMapper(int maxNestingDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .withCoercionConfig(
                        LogicalType.Textual,
                        config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
    }
}
