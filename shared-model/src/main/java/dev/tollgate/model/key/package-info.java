/** Virtual API keys as the control plane publishes them to the gateway, and the one way their secrets are hashed. */
@NullMarked
package dev.tollgate.model.key;

import org.jspecify.annotations.NullMarked;
