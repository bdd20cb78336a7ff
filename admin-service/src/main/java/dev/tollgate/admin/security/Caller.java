package dev.tollgate.admin.security;

import dev.tollgate.admin.system.AdminException;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated user behind a request. Rights come only from here, never from a request body.
 *
 * @param userId the admin user's id
 * @param email the admin user's email, recorded as the actor in the audit log
 * @param role what the user may do
 * @param tenantId the one tenant a scoped user may see; {@code null} for platform-wide users
 */
public record Caller(
        UUID userId, String email, Role role, @Nullable UUID tenantId) {

    /** The service itself, for changes made at start-up (demo seeding). */
    public static Caller system() {
        return new Caller(new UUID(0, 0), "system", Role.PLATFORM_ADMIN, null);
    }

    /** Whether the caller sees every tenant rather than one. */
    public boolean platformWide() {
        return tenantId == null;
    }

    /** Whether {@code tenant}'s objects exist as far as this caller can tell. */
    public boolean sees(UUID tenant) {
        return tenantId == null || tenantId.equals(tenant);
    }

    /** Whether the caller has one of {@code roles}; pages use it to offer only what the services will allow. */
    public boolean has(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /** Whether the caller may create tenants, providers and models and suspend tenants. */
    public boolean platformAdmin() {
        return role == Role.PLATFORM_ADMIN;
    }

    /** Whether the caller may issue, rotate and revoke keys (of the tenants it sees). */
    public boolean keyAdmin() {
        return has(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
    }

    /** Refuses unless the caller has one of {@code roles}. */
    public void require(Role... roles) {
        if (!has(roles)) {
            throw AdminException.forbidden("This needs the role " + Arrays.toString(roles) + ".");
        }
    }

    /**
     * Refuses unless the caller may see {@code tenant} (404, so another tenant's objects cannot be probed) and has
     * one of {@code roles} (403).
     */
    public void requireIn(UUID tenant, String what, Role... roles) {
        if (!sees(tenant)) {
            throw AdminException.notFound(what);
        }
        require(roles);
    }
}
