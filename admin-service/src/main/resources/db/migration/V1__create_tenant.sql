-- A tenant is the unit that API keys, budgets and chargeback belong to.
create table tenant (
    id          uuid        primary key default gen_random_uuid(),
    name        text        not null check (length(btrim(name)) between 1 and 200),
    -- Stable, URL-safe handle used in the console and in reports; the name may change, the slug should not.
    slug        text        not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    -- Finance's identifier for chargeback; optional because not every organisation bills internally.
    cost_center text        check (length(cost_center) <= 100),
    contact     text        check (length(contact) <= 320),
    status      text        not null default 'active' check (status in ('active', 'suspended')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

comment on table tenant is 'Customers of the gateway; one row per team or organisation that is billed separately.';
comment on column tenant.status is 'suspended tenants keep their data but the gateway refuses their keys.';
