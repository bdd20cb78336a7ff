/** The append-only audit log: who changed what, when, from where, with secrets elided. */
@NullMarked
package dev.tollgate.admin.audit;

import org.jspecify.annotations.NullMarked;
