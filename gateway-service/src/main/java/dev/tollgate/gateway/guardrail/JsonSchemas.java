package dev.tollgate.gateway.guardrail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tollgate.model.openai.ResponseFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks answers against the {@code response_format} their request asked for, with networknt's JSON Schema validator:
 * {@code json_schema} answers must parse and follow the schema (draft 2020-12 unless the schema says otherwise),
 * {@code json_object} answers must parse to an object. Compiled schemas are cached by their text. Schemas are never
 * fetched from the network: a {@code $ref} to a remote document makes the schema unusable, and such a schema is not
 * checked (OpenAI refuses those too). The meta-schemas are read from the classpath at startup, not per request.
 */
@Component
class JsonSchemas {

    private static final Logger log = LoggerFactory.getLogger(JsonSchemas.class);
    private static final List<String> DIALECTS = List.of(
            "https://json-schema.org/draft/2020-12/schema",
            "https://json-schema.org/draft/2019-09/schema",
            "http://json-schema.org/draft-07/schema#",
            "http://json-schema.org/draft-06/schema#",
            "http://json-schema.org/draft-04/schema#");

    private final JsonMapper json = JsonMapper.builder().build();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
    private final Cache<String, Optional<Schema>> compiled =
            Caffeine.newBuilder().maximumSize(1_000).build();

    JsonSchemas() {
        DIALECTS.forEach(dialect -> check(
                Map.of("$schema", dialect, "type", "object", "properties", Map.of("a", Map.of("type", "string"))),
                "{\"a\":\"b\"}"));
    }

    /** The check {@code format} asks for; {@code null} when it asks for no JSON or its schema cannot be used. */
    @Nullable
    Check checkFor(@Nullable ResponseFormat format) {
        if (format == null || format.type() == null) {
            return null;
        }
        return switch (format.type()) {
            case "json_object" -> this::isObject;
            case "json_schema" -> schemaCheck(format.jsonSchema());
            default -> null;
        };
    }

    private @Nullable Check schemaCheck(ResponseFormat.@Nullable JsonSchema format) {
        if (format == null || format.schema() == null) {
            return null;
        }
        Schema schema = schema(format.schema());
        return schema == null ? null : answer -> follows(schema, answer);
    }

    private boolean check(Map<String, Object> schemaDocument, String answer) {
        Schema schema = schema(schemaDocument);
        return schema != null && follows(schema, answer);
    }

    private @Nullable Schema schema(Map<String, Object> document) {
        String text = json.writeValueAsString(document);
        return compiled.get(text, key -> Optional.ofNullable(compiledOrNull(key)))
                .orElse(null);
    }

    private @Nullable Schema compiledOrNull(String text) {
        try {
            Schema schema = registry.getSchema(json.readTree(text));
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException unusable) {
            log.debug(
                    "response_format schema cannot be used, answers are not checked against it: {}",
                    unusable.toString());
            return null;
        }
    }

    private boolean follows(Schema schema, String answer) {
        JsonNode node = parsed(answer);
        return node != null && schema.validate(node).isEmpty();
    }

    private boolean isObject(String answer) {
        JsonNode node = parsed(answer);
        return node != null && node.isObject();
    }

    private @Nullable JsonNode parsed(String answer) {
        try {
            return json.readTree(answer);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** Whether an answer's text is what its request asked for. */
    @FunctionalInterface
    interface Check {
        boolean accepts(String answer);
    }
}
