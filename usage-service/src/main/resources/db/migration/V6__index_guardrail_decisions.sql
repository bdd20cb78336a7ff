-- The guardrail reports select the requests a guardrail decided on over a period: a small share of all requests.
create index usage_ledger_guardrail on usage_ledger (occurred_at) where guardrail_action is not null;
