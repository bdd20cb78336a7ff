package dev.tollgate.usage.access;

import dev.tollgate.usage.problem.UsageException;
import org.jspecify.annotations.Nullable;

/**
 * An authenticated user of the usage API and the rules for what they may read.
 *
 * @param subject the admin user's id
 * @param email the user's email, for logs
 * @param role the user's role
 * @param tenantId the one tenant the user belongs to (lowercase UUID), or {@code null} for platform-wide users
 */
public record Caller(
        String subject, String email, Role role, @Nullable String tenantId) {

    /**
     * The tenant a report for this caller must be limited to, given the tenant it asked for ({@code null}: all).
     * Tenant-scoped users always get their own tenant; platform-wide admins and finance get what they asked for.
     *
     * @throws UsageException 403 when the caller asked for another tenant, or may not read reports at all
     */
    public @Nullable String reportTenant(@Nullable String requested) {
        if (tenantId != null) {
            if (requested != null && !requested.equals(tenantId)) {
                throw UsageException.forbidden("This user may only read reports of its own tenant");
            }
            return tenantId;
        }
        requirePlatformWideReader();
        return requested;
    }

    /**
     * @throws UsageException 403 unless the caller is a platform-wide admin or finance user, who alone see data that
     *     spans tenants
     */
    public void requirePlatformWideReader() {
        if (tenantId != null || !(role == Role.PLATFORM_ADMIN || role == Role.FINANCE)) {
            throw UsageException.forbidden("Only platform-wide admins and finance users may read this");
        }
    }
}
