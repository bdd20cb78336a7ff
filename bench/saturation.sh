#!/usr/bin/env bash
# Compares how many non-streaming requests per second one gateway core serves, for one or more builds of the
# gateway, on the same machine in the same session: the quickest way to see what a change costs on the hot path.
# Each jar in turn is started pinned to GATEWAY_CPU (Redis database 9, flushed), given a key with every data-plane
# policy on (bench/policy-key.sh), warmed up, then loaded by hey with CONNS connections until the core is saturated.
# Prints one markdown row per jar; run the jars alternately (a b a b) to see the machine's own drift.
#
#   bench/saturation.sh gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar /tmp/old/gateway.jar ...
#
# Settings (environment): CONNS (50), WARMUP seconds (30), DURATION seconds (20), GATEWAY_CPU (0), LOAD_CPU (1),
# JAVA (the JDK 25 java under /usr/lib/jvm). Needs hey (apt-get install hey) and node for the mock upstream.
set -euo pipefail

CONNS=${CONNS:-50}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-20}
GATEWAY_CPU=${GATEWAY_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/*25*/bin/java 2>/dev/null | head -1)}
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BODY=$(mktemp)
echo '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in one short sentence."}]}' >"$BODY"

(($# > 0)) || { echo "usage: $0 GATEWAY_JAR..." >&2; exit 1; }
command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }
[[ -x $JAVA ]] || { echo "no JDK 25 java found; set JAVA" >&2; exit 1; }

gateway=""
mock=""
cleanup() {
    [[ -n $gateway ]] && kill "$gateway" 2>/dev/null || true
    [[ -n $mock ]] && kill "$mock" 2>/dev/null || true
    rm -f "$BODY"
}
trap cleanup EXIT

if ! curl -sf -o /dev/null http://127.0.0.1:9090/v1/models; then
    taskset -c "$LOAD_CPU" node "$BENCH/mock-upstream/server.mjs" >/dev/null 2>&1 &
    mock=$!
    sleep 1
fi

load() { # key seconds
    taskset -c "$LOAD_CPU" hey -z "${2}s" -c "$CONNS" -m POST -T application/json -D "$BODY" \
        -H "Authorization: Bearer $1" http://127.0.0.1:8080/v1/chat/completions
}

echo "| Jar | Requests/s | p50 (ms) | p99 (ms) | Non-200 |"
echo "|---|---|---|---|---|"
for jar in "$@"; do
    redis-cli -n 9 flushdb >/dev/null
    secret=$(openssl rand -hex 32)
    TOLLGATE_KEY_HASH_SECRET=$secret TOLLGATE_MASTER_KEY=$(openssl rand -base64 32) \
        TOLLGATE_REDIS_URI=redis://127.0.0.1:6379/9 taskset -c "$GATEWAY_CPU" "$JAVA" -jar "$jar" >/dev/null 2>&1 &
    gateway=$!
    for _ in $(seq 120); do curl -sf -o /dev/null http://127.0.0.1:8080/actuator/health && break; sleep 1; done
    key=$(REDIS_URI=redis://127.0.0.1:6379/9 KEY_HASH_SECRET=$secret "$BENCH/policy-key.sh")
    load "$key" "$WARMUP" >/dev/null
    report=$(load "$key" "$DURATION")
    rate=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$report")
    p50=$(awk '/ 50% in/ {printf "%.1f", $3 * 1000}' <<<"$report")
    p99=$(awk '/ 99% in/ {printf "%.1f", $3 * 1000}' <<<"$report")
    failed=$(awk '/^\s+\[[0-9]+\]/ && $1 != "[200]" {n += $2} END {print n + 0}' <<<"$report")
    echo "| \`$jar\` | $rate | $p50 | $p99 | $failed |"
    kill "$gateway"
    wait "$gateway" 2>/dev/null || true
    gateway=""
done
