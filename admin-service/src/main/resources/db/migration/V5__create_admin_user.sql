-- People and automation that administer Tollgate. Tenant-scoped users see only their own tenant.
create table admin_user (
    id            uuid        primary key default gen_random_uuid(),
    email         text        not null unique check (length(email) between 3 and 320),
    -- Spring Security DelegatingPasswordEncoder format, e.g. {bcrypt}$2a$…
    password_hash text        not null,
    role          text        not null check (role in ('PLATFORM_ADMIN', 'TENANT_ADMIN', 'FINANCE', 'VIEWER')),
    tenant_id     uuid        references tenant (id) on delete cascade,
    created_at    timestamptz not null default now(),
    check (role <> 'TENANT_ADMIN' or tenant_id is not null),
    check (role <> 'PLATFORM_ADMIN' or tenant_id is null)
);

-- Bearer tokens for the REST API, stored as the hex SHA-256 of the token and looked up by it.
create table api_token (
    id         uuid        primary key default gen_random_uuid(),
    user_id    uuid        not null references admin_user (id) on delete cascade,
    hash       text        not null unique,
    name       text        not null,
    expires_at timestamptz,
    created_at timestamptz not null default now()
);
