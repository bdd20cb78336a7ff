/**
 * Who is calling: virtual keys presented as {@code Authorization: Bearer}, {@code api-key} or {@code x-api-key},
 * looked up by their hash in the published configuration with a local cache in front. Fails closed: a key that cannot
 * be checked is refused.
 */
@NullMarked
package dev.tollgate.gateway.auth;

import org.jspecify.annotations.NullMarked;
