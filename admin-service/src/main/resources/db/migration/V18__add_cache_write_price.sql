-- Prompt tokens written to a provider's prompt cache are charged apart by some providers (Anthropic: 1.25x the input
-- price for 5-minute writes). Null: such tokens cost the input price.
alter table deployment_price
    add column cache_write_per_mtok numeric(20, 10) check (cache_write_per_mtok >= 0);
