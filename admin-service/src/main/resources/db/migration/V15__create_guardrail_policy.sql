-- Guardrail policies: named sets of detector rules for the requests (input) and answers (output) of the whole platform,
-- one tenant, one key or one public model. The gateway reads only enabled ones, from Redis (GuardrailKeys).
create table guardrail_policy (
    id         uuid        primary key default gen_random_uuid(),
    name       text        not null check (length(btrim(name)) between 1 and 200),
    scope      text        not null check (scope in ('global', 'tenant', 'key', 'route')),
    -- 'all' for global, the tenant's or key's id, or the public model name; text because it is one of those.
    scope_id   text        not null check (length(scope_id) between 1 and 200),
    -- The tenant a tenant or key policy belongs to (the tenant itself, or the key's tenant), so tenant scoping is one
    -- comparison and a tenant's policies go when it does; null for platform-wide (global, route) policies.
    tenant_id  uuid        references tenant (id) on delete cascade,
    -- [{"detector": "pii.email", "action": "redact", "terms": [], "label": null}], checked by the service.
    input      jsonb       not null default '[]' check (jsonb_typeof(input) = 'array'),
    output     jsonb       not null default '[]' check (jsonb_typeof(output) = 'array'),
    reversible boolean     not null default false,
    enabled    boolean     not null default true,
    created_by text        not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((scope in ('tenant', 'key')) = (tenant_id is not null)),
    check (scope <> 'global' or scope_id = 'all'),
    unique (scope, scope_id, name)
);

create index guardrail_policy_tenant_idx on guardrail_policy (tenant_id, created_at);
