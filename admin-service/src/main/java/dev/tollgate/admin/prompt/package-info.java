/**
 * Prompt templates: versions (drafts, then immutable once published), labels pointing at versions, logic-less
 * rendering, diffs, their API and console pages.
 */
@NullMarked
package dev.tollgate.admin.prompt;

import org.jspecify.annotations.NullMarked;
