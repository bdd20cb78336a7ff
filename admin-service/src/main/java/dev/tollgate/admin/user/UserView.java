package dev.tollgate.admin.user;

import dev.tollgate.admin.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An admin user as the API shows it and the audit log records it: never with a password hash. */
record UserView(UUID id, String email, Role role, @Nullable UUID tenantId, boolean disabled, Instant createdAt) {}
