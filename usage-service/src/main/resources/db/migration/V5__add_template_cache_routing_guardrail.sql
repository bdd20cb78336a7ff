-- Events now say which prompt template (and version and label) a request was rendered from, whether the response
-- cache answered it and what that saved, which fallback model answered it, and what the guardrails decided. All are
-- optional in the event and null in the ledger when absent; older rows keep nulls.

alter table usage_ledger
    add column template_name    text,
    add column template_version integer,
    add column template_label   text,
    add column cache_hit        text,
    add column cache_saved_usd  numeric(20, 10) check (cache_saved_usd >= 0),
    add column fallbacks        integer check (fallbacks >= 0),
    add column served_model     text,
    add column guardrail_action text,
    add column guardrail_hits   text[];

-- Comparing template versions by cost and latency selects one template's rows over a period.
create index usage_ledger_template on usage_ledger (template_name, occurred_at) where template_name is not null;
