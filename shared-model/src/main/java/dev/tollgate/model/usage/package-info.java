/**
 * The usage events the gateway writes for every authenticated request and the usage service reads: the event record,
 * its flat Redis Stream wire mapping, and the stream's name.
 */
@NullMarked
package dev.tollgate.model.usage;

import org.jspecify.annotations.NullMarked;
