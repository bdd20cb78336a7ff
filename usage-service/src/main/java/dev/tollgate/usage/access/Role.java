package dev.tollgate.usage.access;

/** The admin service's user roles, as named in API token snapshots and console tokens. */
public enum Role {
    PLATFORM_ADMIN,
    TENANT_ADMIN,
    FINANCE,
    VIEWER
}
