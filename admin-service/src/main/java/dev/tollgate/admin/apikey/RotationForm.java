package dev.tollgate.admin.apikey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * The optional body of {@code POST /api/v1/keys/{key_id}/rotate}.
 *
 * @param gracePeriodSeconds how long the old secret keeps working; {@code tollgate.keys.rotation-grace-period} when
 *     absent, at most 30 days
 */
record RotationForm(@Min(0) @Max(2_592_000) @Nullable Long gracePeriodSeconds) {}
