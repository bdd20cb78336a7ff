package dev.tollgate.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Compares JSON by what a test expects rather than by equality: every field of an expected object must be present
 * and match, arrays must have the same length and match element by element, scalars must be equal. Fields the
 * expectation leaves out may hold anything. An expected {@code null} field means absent or {@code null}, so an
 * expectation can say that something was not sent, such as {@code "stream_options": null}.
 */
public final class JsonSubset {

    private JsonSubset() {}

    /** Fails with every mismatch, each with its JSON path, when {@code actual} does not contain {@code expected}. */
    public static void assertContains(JsonNode actual, JsonNode expected, String what) {
        List<String> mismatches = new ArrayList<>();
        compare("$", actual, expected, mismatches);
        if (!mismatches.isEmpty()) {
            throw new AssertionError(what + " differs from the expectation:\n  " + String.join("\n  ", mismatches)
                    + "\nactual: " + actual);
        }
    }

    private static void compare(String path, JsonNode actual, JsonNode expected, List<String> mismatches) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                mismatches.add(path + ": expected an object, got " + actual);
                return;
            }
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                JsonNode value = actual.get(field.getKey());
                if (field.getValue().isNull() && (value == null || value.isNull())) {
                    continue;
                }
                if (value == null) {
                    mismatches.add(path + "." + field.getKey() + ": missing");
                } else {
                    compare(path + "." + field.getKey(), value, field.getValue(), mismatches);
                }
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                mismatches.add(path + ": expected " + expected.size() + " elements, got " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", actual.get(i), expected.get(i), mismatches);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                mismatches.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.equals(actual)) {
            mismatches.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
