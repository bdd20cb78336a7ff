-- A spend limit for a tenant or for one of its keys, per calendar period in the budget's own time zone.
create table budget (
    id         uuid            primary key default gen_random_uuid(),
    scope      text            not null check (scope in ('tenant', 'key')),
    scope_id   uuid            not null,
    -- The tenant the scope belongs to: the tenant itself, or the key's tenant. Kept so that tenant scoping is one
    -- comparison and a tenant's budgets go when it does.
    tenant_id  uuid            not null references tenant (id) on delete cascade,
    amount_usd numeric(20, 10) not null check (amount_usd > 0),
    period     text            not null check (period in ('daily', 'weekly', 'monthly', 'quarterly', 'lifetime')),
    -- IANA id (Europe/Berlin); validated by the service against the JDK's zone database.
    timezone   text            not null check (length(timezone) between 1 and 64),
    -- Percentages of the limit to alert at; ascending and unique is checked by the service.
    thresholds integer[]       not null default '{50,80,100}'
        check (cardinality(thresholds) between 1 and 10 and 1 <= all (thresholds) and 100 >= all (thresholds)),
    action     text            not null check (action in ('block', 'alert')),
    created_at timestamptz     not null default now(),
    updated_at timestamptz     not null default now(),
    unique (scope, scope_id, period)
);

create index budget_tenant_idx on budget (tenant_id, created_at);
