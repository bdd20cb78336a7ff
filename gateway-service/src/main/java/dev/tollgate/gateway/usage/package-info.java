/**
 * Metering and the usage ledger's write side: prompt and completion token counts, exact cost from the deployment's
 * price version in force, and one {@link dev.tollgate.model.usage.UsageRecorded} event per authenticated request,
 * appended to a Redis Stream, or to a local spool while Redis is unreachable and replayed when it returns. Fails open:
 * a request is never refused because its event could not be written; an event is dropped only when the spool is full,
 * loudly.
 */
@NullMarked
package dev.tollgate.gateway.usage;

import org.jspecify.annotations.NullMarked;
