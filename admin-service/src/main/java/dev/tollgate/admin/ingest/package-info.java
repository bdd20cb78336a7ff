/**
 * Usage events the usage service could not ingest: its dead-letter stream, read-only, for the console's reports page and
 * for automation, so that no event is dropped without someone being able to see it.
 */
@NullMarked
package dev.tollgate.admin.ingest;

import org.jspecify.annotations.NullMarked;
