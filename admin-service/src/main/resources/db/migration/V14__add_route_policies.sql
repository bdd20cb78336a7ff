-- Routing policies per public model (issue 7): every strategy the gateway knows, retries, fallbacks and response
-- cache settings, plus a version for optimistic concurrency. A null retry or cache column means "the gateway's
-- default" for that setting.
alter table model_route drop constraint model_route_strategy_check;
alter table model_route add constraint model_route_strategy_check
    check (strategy in ('priority', 'weighted', 'latency', 'least-busy', 'cost'));

alter table model_route
    add column version              integer      not null default 1,
    add column updated_at           timestamptz  not null default now(),
    add column retry_max_retries    integer      check (retry_max_retries between 0 and 10),
    add column retry_backoff_ms     integer      check (retry_backoff_ms between 1 and 60000),
    add column retry_max_backoff_ms integer      check (retry_max_backoff_ms between 1 and 60000),
    add column cache_mode           text         check (cache_mode in ('deterministic', 'always', 'off')),
    add column cache_ttl_seconds    integer      check (cache_ttl_seconds between 1 and 2592000),
    add column cache_per_key        boolean,
    add column cache_semantic       boolean,
    add column cache_similarity_threshold numeric(5, 4) check (cache_similarity_threshold between 0 and 1),
    -- Backoffs belong to a retry policy: without max_retries there is none.
    add constraint model_route_retry_check
        check (retry_max_retries is not null or (retry_backoff_ms is null and retry_max_backoff_ms is null)),
    add constraint model_route_backoff_order_check
        check (retry_max_backoff_ms is null or retry_backoff_ms is null or retry_max_backoff_ms >= retry_backoff_ms);

-- Other public models to try, in order, when this one fails in one of the listed ways. A target cannot be deleted
-- while a route falls back to it (restrict); a route's own fallbacks go with it (cascade).
create table model_fallback (
    route_id   uuid    not null references model_route (id) on delete cascade,
    position   integer not null check (position >= 0),
    target_id  uuid    not null references model_route (id) on delete restrict,
    conditions text[]  not null check (cardinality(conditions) between 1 and 5 and conditions <@ array[
        'rate_limited', 'context_window_exceeded', 'content_filter', 'timeout', 'unavailable']::text[]),
    primary key (route_id, position),
    unique (route_id, target_id),
    check (route_id <> target_id)
);

create index model_fallback_target_idx on model_fallback (target_id);

-- Amazon Bedrock joins the provider types.
alter table provider drop constraint provider_type_check;
alter table provider add constraint provider_type_check
    check (type in ('openai', 'azure-openai', 'anthropic', 'gemini', 'bedrock', 'openai-compatible', 'mock'));
