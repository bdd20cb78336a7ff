package dev.tollgate.admin.prompt;

import java.time.Instant;

/**
 * A label and the version it points at.
 *
 * @param weight share of traffic, stored for a later weighted split; 100 while a label has one version
 */
record LabelView(String label, int version, int weight, Instant updatedAt) {}
