package dev.tollgate.gateway.provider.gemini;

import dev.tollgate.gateway.error.GatewayException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the JSON Schemas of OpenAI tools and structured outputs into Gemini's {@code Schema}, a subset of OpenAPI 3.0
 * that rejects unknown keywords. What Gemini cannot express is rewritten where the meaning survives and dropped
 * where it cannot:
 *
 * <ul>
 *   <li>local {@code $ref}s ({@code #/$defs/…}, {@code #/definitions/…}) are inlined; a recursive schema is refused;
 *   <li>{@code allOf} is merged into one schema, {@code oneOf} becomes {@code anyOf};
 *   <li>{@code "type": ["string", "null"]} and an {@code anyOf} branch {@code {"type": "null"}} become
 *       {@code nullable}; {@code const} becomes a one-value {@code enum};
 *   <li>{@code enum}s of anything but strings, and {@code format}s Gemini does not know (it knows {@code date-time}
 *       and {@code enum} for strings, {@code float}/{@code double} and {@code int32}/{@code int64} for numbers) are
 *       dropped;
 *   <li>every other keyword outside Gemini's schema is dropped: {@code $schema}, {@code $id},
 *       {@code additionalProperties}, {@code default}, {@code examples}, {@code exclusiveMinimum},
 *       {@code multipleOf}, {@code uniqueItems}, {@code patternProperties}, {@code not}, {@code if}/{@code then}…
 * </ul>
 *
 * A response schema also gets {@code propertyOrdering}, because Gemini otherwise writes an object's properties in
 * alphabetical order rather than the schema's.
 */
final class GeminiSchemas {

    private static final Set<String> KEPT = Set.of(
            "type",
            "format",
            "title",
            "description",
            "nullable",
            "enum",
            "items",
            "properties",
            "required",
            "anyOf",
            "minItems",
            "maxItems",
            "minimum",
            "maximum",
            "minLength",
            "maxLength",
            "pattern",
            "minProperties",
            "maxProperties");
    private static final Map<String, Set<String>> FORMATS = Map.of(
            "string", Set.of("date-time", "enum"),
            "number", Set.of("float", "double"),
            "integer", Set.of("int32", "int64"));
    // Deeper than any hand-written schema nests; a $ref chain this long is a cycle.
    private static final int MAX_DEPTH = 40;

    private GeminiSchemas() {}

    /**
     * A function's parameters; {@code null} for a function without any, which Gemini wants declared without
     * {@code parameters} (it refuses an object schema with no properties).
     */
    static @Nullable Map<String, Object> toParameters(@Nullable Map<String, Object> schema) {
        if (schema == null) {
            return null;
        }
        Map<String, Object> converted = new Conversion(schema, false).convert(schema, 0);
        boolean noProperties = !(converted.get("properties") instanceof Map<?, ?> properties) || properties.isEmpty();
        return noProperties && "object".equals(converted.get("type")) ? null : converted;
    }

    /** The schema of a structured output, with {@code propertyOrdering} kept as the schema lists them. */
    static Map<String, Object> toResponseSchema(Map<String, Object> schema) {
        return new Conversion(schema, true).convert(schema, 0);
    }

    /** One conversion: the root, for resolving {@code $ref}s, and whether to add {@code propertyOrdering}. */
    private record Conversion(Map<String, Object> root, boolean ordering) {

        Map<String, Object> convert(Map<String, Object> schema, int depth) {
            if (depth > MAX_DEPTH) {
                throw unsupported("recursive schemas ($ref cycles) cannot be expressed in Gemini's schema");
            }
            Map<String, Object> flat = flattened(schema, depth);
            Map<String, Object> result = new LinkedHashMap<>();
            flat.forEach((key, value) -> keep(result, key, value, depth));
            typeOf(flat, result);
            enumOf(flat, result);
            formatOf(result);
            requiredOf(result);
            if (ordering && result.get("properties") instanceof Map<?, ?> properties && !properties.isEmpty()) {
                result.put("propertyOrdering", new ArrayList<>(properties.keySet()));
            }
            return result;
        }

        // $ref and allOf resolved into one plain schema; sibling keywords of a $ref (a description) win over its
        // target.
        private Map<String, Object> flattened(Map<String, Object> schema, int depth) {
            if (depth > MAX_DEPTH) {
                throw unsupported("recursive schemas ($ref cycles) cannot be expressed in Gemini's schema");
            }
            Map<String, Object> flat = new LinkedHashMap<>();
            if (schema.get("$ref") instanceof String ref) {
                flat.putAll(flattened(resolve(ref), depth + 1));
            }
            if (schema.get("allOf") instanceof List<?> all) {
                all.forEach(part -> merge(flat, flattened(asSchema(part), depth + 1)));
            }
            schema.forEach((key, value) -> {
                if (!"$ref".equals(key) && !"allOf".equals(key)) {
                    flat.put(key, value);
                }
            });
            return flat;
        }

        private void keep(Map<String, Object> result, String key, Object value, int depth) {
            switch (key) {
                case "properties" -> result.put(key, properties(value, depth));
                case "items" -> result.put(key, convert(asSchema(value), depth + 1));
                case "anyOf", "oneOf" -> anyOf(result, value, depth);
                case "type", "enum", "const" -> {} // decided together in typeOf and enumOf
                default -> {
                    if (KEPT.contains(key)) {
                        result.put(key, value);
                    }
                }
            }
        }

        private Map<String, Object> properties(Object value, int depth) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (value instanceof Map<?, ?> map) {
                map.forEach(
                        (name, schema) -> properties.put(String.valueOf(name), convert(asSchema(schema), depth + 1)));
            }
            return properties;
        }

        // A null branch is nullable; a single remaining branch needs no anyOf at all.
        private void anyOf(Map<String, Object> result, Object value, int depth) {
            List<Map<String, Object>> branches = new ArrayList<>();
            for (Object branch : value instanceof List<?> list ? list : List.of()) {
                Map<String, Object> schema = asSchema(branch);
                if ("null".equals(schema.get("type"))) {
                    result.put("nullable", true);
                } else {
                    branches.add(convert(schema, depth + 1));
                }
            }
            if (branches.size() == 1) {
                branches.getFirst().forEach(result::putIfAbsent);
            } else if (!branches.isEmpty()) {
                result.put("anyOf", branches);
            }
        }

        private Map<String, Object> resolve(String ref) {
            String[] path = ref.split("/");
            if (path.length != 3 || !"#".equals(path[0])) {
                throw unsupported("only local $refs such as #/$defs/Name can be sent to Gemini, not " + ref);
            }
            if (!(root.get(path[1]) instanceof Map<?, ?> definitions)
                    || !(definitions.get(path[2]) instanceof Map<?, ?> target)) {
                throw unsupported("the schema refers to " + ref + ", which it does not define");
            }
            return asSchema(target);
        }
    }

    // A "null" type makes the schema nullable; several other types become an anyOf of one type each.
    private static void typeOf(Map<String, Object> schema, Map<String, Object> result) {
        Object type = schema.get("type");
        List<?> types = type instanceof List<?> list ? list : (type == null ? List.of() : List.of(type));
        List<String> real = types.stream()
                .filter(each -> !"null".equals(each))
                .map(String::valueOf)
                .toList();
        if (real.size() < types.size()) {
            result.put("nullable", true);
        }
        if (real.size() == 1) {
            result.put("type", real.getFirst());
        } else if (real.size() > 1) {
            result.put(
                    "anyOf",
                    real.stream()
                            .map(each -> Map.<String, Object>of("type", each))
                            .toList());
        }
    }

    // Gemini enumerates strings only; a null among the values makes the schema nullable.
    private static void enumOf(Map<String, Object> schema, Map<String, Object> result) {
        Object values = schema.containsKey("const")
                ? java.util.Collections.singletonList(schema.get("const"))
                : schema.get("enum");
        if (!(values instanceof List<?> list)) {
            return;
        }
        List<?> present = list.stream().filter(java.util.Objects::nonNull).toList();
        if (present.size() < list.size()) {
            result.put("nullable", true);
        }
        if (!present.isEmpty() && present.stream().allMatch(String.class::isInstance)) {
            result.put("enum", present);
            result.putIfAbsent("type", "string");
        }
    }

    private static void formatOf(Map<String, Object> result) {
        Object format = result.get("format");
        if (format != null
                && !FORMATS.getOrDefault(String.valueOf(result.get("type")), Set.of())
                        .contains(format)) {
            result.remove("format");
        }
    }

    private static void requiredOf(Map<String, Object> result) {
        if (result.get("required") instanceof List<?> required
                && result.get("properties") instanceof Map<?, ?> properties) {
            result.put(
                    "required",
                    required.stream().filter(properties::containsKey).toList());
        }
    }

    private static void merge(Map<String, Object> into, Map<String, Object> part) {
        part.forEach((key, value) -> {
            if ("properties".equals(key)
                    && into.get(key) instanceof Map<?, ?> existing
                    && value instanceof Map<?, ?> more) {
                Map<Object, Object> properties = new LinkedHashMap<>(existing);
                properties.putAll(more);
                into.put(key, properties);
            } else if ("required".equals(key)
                    && into.get(key) instanceof List<?> existing
                    && value instanceof List<?> more) {
                Set<Object> required = new LinkedHashSet<>(existing);
                required.addAll(more);
                into.put(key, new ArrayList<>(required));
            } else {
                into.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asSchema(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (Boolean.TRUE.equals(value)) {
            return Map.of(); // JSON Schema's "anything"
        }
        throw unsupported("a schema must be a JSON object, not " + value);
    }

    private static GatewayException unsupported(String what) {
        return GeminiMapper.invalid(what, null);
    }
}
