-- A public model name, as clients send it, and the deployments that may serve it.
create table model_route (
    id         uuid        primary key default gen_random_uuid(),
    name       text        not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$'),
    strategy   text        not null default 'priority' check (strategy in ('priority', 'weighted')),
    created_at timestamptz not null default now()
);

create table deployment (
    id             uuid    primary key default gen_random_uuid(),
    route_id       uuid    not null references model_route (id) on delete cascade,
    provider_id    uuid    not null references provider (id),
    upstream_model text    not null check (length(btrim(upstream_model)) between 1 and 200),
    weight         integer not null default 1 check (weight >= 0),
    priority       integer not null default 0
);

create index deployment_route_idx on deployment (route_id);

-- Prices per million tokens in USD, versioned by effective date so a price change never rewrites history.
create table deployment_price (
    deployment_id              uuid           not null references deployment (id) on delete cascade,
    effective_from             timestamptz    not null,
    input_per_mtok             numeric(20, 10) not null check (input_per_mtok >= 0),
    output_per_mtok            numeric(20, 10) not null check (output_per_mtok >= 0),
    cached_input_per_mtok      numeric(20, 10) check (cached_input_per_mtok >= 0),
    primary key (deployment_id, effective_from)
);
