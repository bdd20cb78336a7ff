-- Events now say how much of the prompt was written to the provider's prompt cache, which Anthropic and Bedrock
-- charge a surcharge for, so a row's cost can be explained from its tokens. Older rows and providers without cache
-- writes keep 0.

alter table usage_ledger
    add column cache_write_tokens bigint not null default 0 check (cache_write_tokens >= 0);
