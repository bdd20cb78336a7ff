package dev.tollgate.admin.security;

/** What an admin user may do. Enforced server-side on every call. */
public enum Role {
    /** Everything, across all tenants. */
    PLATFORM_ADMIN,
    /** Manages the keys of one tenant. */
    TENANT_ADMIN,
    /** Reads, for chargeback; all tenants or one. */
    FINANCE,
    /** Reads; all tenants or one. */
    VIEWER
}
