package dev.tollgate.admin.prompt;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a label shares its traffic, as put to {@code PUT /api/v1/templates/{id}/splits/{label}}:
 * {@code {"versions": [{"version": 1, "weight": 90}, {"version": 2, "weight": 10}]}}.
 *
 * @param versions 2 to {@value SplitService#MAX_VERSIONS} different published versions and their weights
 */
record SplitForm(@Nullable List<@Nullable Share> versions) {

    /**
     * @param version a published version of the template
     * @param weight its share relative to the others, 1 to {@value SplitService#MAX_WEIGHT}
     */
    record Share(@Nullable Integer version, @Nullable Integer weight) {}
}
