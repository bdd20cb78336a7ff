package dev.tollgate.admin.prompt;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Sample values to render a version with, as posted to {@code POST …/versions/{version}/preview}.
 *
 * @param variables variable name → value of the variable's type
 */
record PreviewForm(@Nullable Map<String, @Nullable Object> variables) {}
