package dev.tollgate.admin.ingest;

import java.util.List;

/**
 * What sits in the dead-letter stream.
 *
 * @param count every dead-lettered event, not only those listed
 * @param entries the newest, newest first
 */
public record DeadLetterBacklog(long count, List<DeadLetter> entries) {}
