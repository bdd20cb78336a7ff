#!/usr/bin/env bash
# Publishes, straight into Redis, everything the data plane's policies need for a benchmark: a tenant with
# tenant-wide limits, a key with its own limits, a blocking monthly budget on each, and a priced route for $MODEL
# to the mock upstream. Limits and budgets are far above what a run can reach, so every request pays for the whole
# admission path (key and tenant GCRA, two budget holds) and the settle, and none is refused. Prints the key's secret.
#
#   REDIS_URI         Redis the gateway reads (use a database of its own)  redis://127.0.0.1:6379/9
#   KEY_HASH_SECRET   the gateway's TOLLGATE_KEY_HASH_SECRET               (required)
#   MODEL             public model name to route                           gpt-4o-mini
#   UPSTREAM          base URL of the mock upstream                         http://127.0.0.1:9090/v1
set -euo pipefail

REDIS_URI=${REDIS_URI:-redis://127.0.0.1:6379/9}
MODEL=${MODEL:-gpt-4o-mini}
UPSTREAM=${UPSTREAM:-http://127.0.0.1:9090/v1}
: "${KEY_HASH_SECRET:?set KEY_HASH_SECRET to the gateway\'s TOLLGATE_KEY_HASH_SECRET}"

redis() { redis-cli -u "$REDIS_URI" "$@" >/dev/null; }
uuid() { cat /proc/sys/kernel/random/uuid; }

tenant=$(uuid)
key=$(uuid)
secret="sk-tg-bench$(uuid | tr -d -)"
hash=$(printf '%s' "$secret" | openssl dgst -sha256 -hmac "$KEY_HASH_SECRET" -r | cut -d' ' -f1)
budget() { # scope id
    printf '[{"budget_id":"%s","scope":"%s","scope_id":"%s","amount_usd":"1000000","period":"monthly",' "$(uuid)" "$1" "$2"
    printf '"timezone":"Europe/Berlin","thresholds":[50,80,100],"action":"block"}]'
}

redis SET "tollgate:tenant:$tenant" \
    "{\"tenant_id\":\"$tenant\",\"slug\":\"bench\",\"cost_center\":\"bench\",\"status\":\"active\",\"rpm_limit\":100000000,\"tpm_limit\":2000000000}"
redis SET "tollgate:key:$hash" \
    "{\"key_id\":\"$key\",\"tenant_id\":\"$tenant\",\"name\":\"bench\",\"prefix\":\"${secret:0:8}\",\"allowed_models\":[\"*\"],\"rpm_limit\":100000000,\"tpm_limit\":2000000000,\"max_tokens\":null,\"status\":\"active\",\"expires_at\":null,\"secret_valid_until\":null}"
redis SET "tollgate:budget:key:$key" "$(budget key "$key")"
redis SET "tollgate:budget:tenant:$tenant" "$(budget tenant "$tenant")"
redis SET "tollgate:route:$MODEL" \
    "{\"name\":\"$MODEL\",\"strategy\":\"priority\",\"deployments\":[{\"deployment_id\":\"$(uuid)\",\"provider\":{\"provider_id\":\"$(uuid)\",\"name\":\"bench mock\",\"type\":\"openai-compatible\",\"base_url\":\"$UPSTREAM\",\"settings\":{},\"credential\":null},\"upstream_model\":\"$MODEL\",\"weight\":1,\"priority\":0,\"prices\":[{\"effective_from\":\"2020-01-01T00:00:00Z\",\"input_per_mtok\":0.15,\"output_per_mtok\":0.60,\"cached_input_per_mtok\":0.075}]}]}"
redis SADD tollgate:routes "$MODEL"
redis PUBLISH tollgate:config:changes '{"kind":"all","id":""}'
echo "$secret"
