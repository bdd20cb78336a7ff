#!/usr/bin/env bash
# Measures report export speed of a running usage-service: seeds ROWS ledger rows (one tenant, one month, KEYS keys,
# 3 tags) straight into Postgres with generate_series plus the matching day rollup, publishes a FINANCE API token in
# Redis, then times each export with curl and prints a markdown table (seconds, bytes, rows/s). Cleans up after.
#
#   java -jar usage-service/target/usage-service-0.1.0-SNAPSHOT.jar &     # pointed at the same Postgres and Redis
#   bench/usage-report-export.sh
#
# Settings (environment):
#   USAGE_URL   usage-service root                 http://127.0.0.1:8082
#   PGURL       psql connection string             postgresql://postgres@127.0.0.1:5432/tollgate
#   REDIS_PORT  redis-cli port (host 127.0.0.1)    6379
#   ROWS        ledger rows to seed                1000000
#   KEYS        distinct keys                      2000
#   USAGE_PID   the service's pid, to report its peak RSS (VmHWM); optional
set -euo pipefail

USAGE_URL=${USAGE_URL:-http://127.0.0.1:8082}
PGURL=${PGURL:-postgresql://postgres@127.0.0.1:5432/tollgate}
REDIS_PORT=${REDIS_PORT:-6379}
ROWS=${ROWS:-1000000}
KEYS=${KEYS:-2000}
TENANT=$(cat /proc/sys/kernel/random/uuid)
TOKEN="tg-bench-$(cat /proc/sys/kernel/random/uuid)"
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)

psql_q() { psql "$PGURL" -v ON_ERROR_STOP=1 -qAt -c "set search_path = tollgate_usage; $1"; }

cleanup() {
  psql_q "delete from usage_ledger where tenant_id = '$TENANT'; delete from usage_rollup_day where tenant_id = '$TENANT';" >/dev/null || true
  redis-cli -p "$REDIS_PORT" del "tollgate:apitoken:$HASH" >/dev/null || true
}
trap cleanup EXIT

echo "Seeding $ROWS rows for tenant $TENANT ..." >&2
seed_start=$(date +%s.%N)
psql_q "insert into usage_ledger (event_id, occurred_at, tenant_id, key_id, model, provider, end_user, tags,
          prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, cost_usd, priced)
        select (substr(md5('$TENANT'), 1, 16) || lpad(to_hex(i), 16, '0'))::uuid,
               timestamptz '2037-01-01 00:00:00+00' + (i % 2678400) * interval '1 second',
               '$TENANT', md5('key' || (i % $KEYS))::uuid, 'model-' || (i % 7), 'openai', 'user-' || (i % 11),
               jsonb_build_object('team', 'team-' || (i % 3)), i % 997 + 1, i % 301, i % 13, i % 5,
               (i % 997 + 1) * 0.0000001375 + (i % 301) * 0.0000006123, true
        from generate_series(1, $ROWS) as i;
        insert into usage_rollup_day (bucket, tenant_id, key_id, model, provider, end_user, cost_center, requests,
          unpriced_requests, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, cost_usd)
        select (occurred_at at time zone 'UTC')::date, tenant_id, key_id, model, provider, end_user, '', count(*), 0,
               sum(prompt_tokens), sum(completion_tokens), sum(cached_tokens), sum(reasoning_tokens), sum(cost_usd)
        from usage_ledger where tenant_id = '$TENANT' group by 1, 2, 3, 4, 5, 6;
        analyze usage_ledger; analyze usage_rollup_day;"
seed_end=$(date +%s.%N)
redis-cli -p "$REDIS_PORT" set "tollgate:apitoken:$HASH" \
  "{\"token_id\":\"bench\",\"user_id\":\"bench\",\"email\":\"bench@example.test\",\"role\":\"FINANCE\",\"scope\":\"read\",\"expires_at\":\"2099-01-01T00:00:00Z\"}" \
  EX 3600 >/dev/null

run() {
  local label=$1 query=$2 lines
  local out; out=$(mktemp)
  local stats
  stats=$(curl -sS -o "$out" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}' \
    -H "Authorization: Bearer $TOKEN" "$USAGE_URL$query")
  lines=$(grep -c $'\r$' "$out" || true)
  read -r code ttfb total bytes <<<"$stats"
  awk -v l="$label" -v c="$code" -v f="$ttfb" -v t="$total" -v b="$bytes" -v n="$lines" -v r="$ROWS" \
    'BEGIN { printf "| %s | %s | %.2f | %.2f | %d | %d | %.0f |\n", l, c, f, t, b, n, r / t }'
  rm -f "$out"
}

P="from=2037-01-01&to=2037-02-01&tenant=$TENANT&format=csv&totals=true"
echo "Seeded in $(awk -v a="$seed_start" -v b="$seed_end" 'BEGIN { printf "%.1f", b - a }') s"
echo
echo "| export ($ROWS ledger rows, $KEYS keys) | status | first byte s | total s | bytes | CSV lines | ledger rows/s |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
run "chargeback by tenant (day rollup)" "/api/v1/reports/chargeback?$P&group_by=tenant"
run "chargeback by key,model (day rollup)" "/api/v1/reports/chargeback?$P&group_by=key,model"
run "chargeback by key,model, Asia/Kolkata (ledger)" "/api/v1/reports/chargeback?$P&group_by=key,model&timezone=Asia/Kolkata"
run "chargeback by key,tag:team (ledger)" "/api/v1/reports/chargeback?$P&group_by=key,tag:team"
run "line items (ledger, one row per request)" "/api/v1/reports/line-items?from=2037-01-01&to=2037-02-01&tenant=$TENANT&format=csv"
if [[ -n "${USAGE_PID:-}" ]]; then
  echo
  echo "usage-service peak RSS: $(grep VmHWM "/proc/$USAGE_PID/status" | awk '{ print $2 / 1024 " MiB" }')"
fi
