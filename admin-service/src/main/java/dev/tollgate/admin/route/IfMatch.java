package dev.tollgate.admin.route;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code If-Match} header (RFC 9110, 13.1.1) against a model's {@link ModelView#version()}: {@code *} or a list
 * of entity tags such as {@code "3"}. Weak tags ({@code W/"3"}) are compared by their value; a tag that names no
 * version never matches, so the change is refused rather than applied blindly.
 */
record IfMatch(boolean any, List<String> tags) {

    /** The parsed header, or {@code null} when there is none (the change is then unconditional). */
    static @Nullable IfMatch of(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        List<String> tags = Arrays.stream(header.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .map(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                        ? tag.substring(1, tag.length() - 1)
                        : tag)
                .toList();
        return new IfMatch(tags.contains("*"), tags);
    }

    /** For the console, whose form carries the version it was rendered from. */
    static IfMatch version(int version) {
        return new IfMatch(false, List.of(Integer.toString(version)));
    }

    boolean matches(int version) {
        return any || tags.contains(Integer.toString(version));
    }
}
