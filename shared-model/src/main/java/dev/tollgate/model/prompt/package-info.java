/** Prompt templates as the control plane publishes them to the gateway: published versions and labels only. */
@NullMarked
package dev.tollgate.model.prompt;

import org.jspecify.annotations.NullMarked;
