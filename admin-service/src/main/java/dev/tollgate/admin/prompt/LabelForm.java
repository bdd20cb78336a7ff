package dev.tollgate.admin.prompt;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * Where a label should point, as put to {@code PUT /api/v1/templates/{id}/labels/{label}}.
 *
 * @param version a published version of the template
 */
record LabelForm(@NotNull @Min(1) @Nullable Integer version) {}
