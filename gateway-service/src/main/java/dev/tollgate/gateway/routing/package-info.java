/**
 * Which upstream serves a request: the key's allowed models, the routes the control plane publishes (cached, with
 * their sealed credentials opened in memory only) and, behind them, the static routes. Fails closed: a route that
 * cannot be read is not guessed.
 */
@NullMarked
package dev.tollgate.gateway.routing;

import org.jspecify.annotations.NullMarked;
