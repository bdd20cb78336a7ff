#!/usr/bin/env bash
# Measures how fast usage-service ingests usage events: XADDs N events to a stream of its own (redis-cli --pipe),
# starts the built usage-service jar on that stream against a database of its own, and times the ledger filling up.
# The rate is taken from the first ledger row to the last, so JVM start and Flyway are not in it.
#
#   ./mvnw -B -pl usage-service verify        # builds usage-service/target/usage-service-0.1.0-SNAPSHOT.jar
#   bench/usage-ingest.sh                     # about a minute for 200k events
#
# Settings (environment):
#   EVENTS      events to publish                                     200000
#   BATCH_SIZE  tollgate.usage.ingest.batch-size                      500
#   BENCH_DB    database to (re)create for the ledger; dropped first  tollgate_bench
#   PGHOST, PGPORT, PGUSER, PGPASSWORD   Postgres, as for psql         127.0.0.1, 5432, postgres, (none)
#   REDIS_HOST, REDIS_PORT                                            127.0.0.1, 6379
#   JAVA        the java to run the jar with                          /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#
# Touches only its own things: the database BENCH_DB and a stream tollgate:bench:usage:<epoch>, deleted at the end.
set -euo pipefail

EVENTS=${EVENTS:-200000}
BATCH_SIZE=${BATCH_SIZE:-500}
BENCH_DB=${BENCH_DB:-tollgate_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAR=$(dirname "$0")/../usage-service/target/usage-service-0.1.0-SNAPSHOT.jar
STREAM="tollgate:bench:usage:$(date +%s)"
RUN=$(printf '%08x' "$(date +%s)")

[[ -f $JAR ]] || { echo "usage-ingest.sh: $JAR missing; run ./mvnw -B -pl usage-service verify first" >&2; exit 1; }
redis() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" "$@"; }
now() { date +%s.%N; }

app_pid=
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    redis del "$STREAM" "$STREAM:dead-letter" >/dev/null || true
}
trap cleanup EXIT

echo "recreating database $BENCH_DB" >&2
psql -q -d postgres -c "drop database if exists $BENCH_DB" -c "create database $BENCH_DB"

# One XADD per event in RESP, every field of UsageRecorded.toFields(): 10 tenants, 50 keys, 3 models, 100 end
# users, so the rollups see realistic numbers of groups. Event ids are UUID-shaped and unique per run.
echo "publishing $EVENTS events to $STREAM" >&2
start=$(now)
awk -v n="$EVENTS" -v stream="$STREAM" -v run="$RUN" 'function arg(s) { printf "$%d\r\n%s\r\n", length(s), s }
BEGIN {
    split("gpt-4o-mini gpt-4.1 claude-sonnet", models, " ")
    for (i = 1; i <= n; i++) {
        t = i % 10; k = i % 50; m = models[i % 3 + 1]; u = i % 100
        printf "*%d\r\n", 3 + 2 * 25
        arg("XADD"); arg(stream); arg("*")
        arg("schema_version"); arg("1")
        arg("event_id"); arg(sprintf("%s-0000-7000-8000-%012x", run, i))
        arg("request_id"); arg("req-" i)
        arg("timestamp"); arg(sprintf("2026-03-01T%02d:%02d:00Z", int(i / 10000) % 24, i % 60))
        arg("tenant_id"); arg(sprintf("00000000-0000-4000-8000-%012x", t))
        arg("key_id"); arg(sprintf("00000000-0000-4000-9000-%012x", k))
        arg("end_user"); arg("user-" u)
        arg("requested_model"); arg(m)
        arg("deployment_id"); arg("dep-" i % 3)
        arg("provider"); arg("openai")
        arg("upstream_model"); arg(m)
        arg("prompt_tokens"); arg(100 + i % 900)
        arg("completion_tokens"); arg(20 + i % 300)
        arg("cached_tokens"); arg(i % 64)
        arg("reasoning_tokens"); arg(0)
        arg("tokens_estimated"); arg("false")
        arg("cost_usd"); arg(sprintf("0.%010d", 1234 + i))
        arg("price_version"); arg("2026-01-01T00:00:00Z")
        arg("priced"); arg("true")
        arg("status"); arg("success")
        arg("http_status"); arg("200")
        arg("latency_ms"); arg(200 + i % 800)
        arg("stream"); arg("false")
        arg("retries"); arg("0")
        arg("tag.team"); arg("team-" t)
    }
}' | redis --pipe >/dev/null
published=$(now)
echo "published in $(echo "$published - $start" | bc) s" >&2

echo "starting usage-service on $STREAM" >&2
TOLLGATE_USAGE_PORT=0 TOLLGATE_POSTGRES_DB=$BENCH_DB TOLLGATE_POSTGRES_HOST=$PGHOST TOLLGATE_POSTGRES_PORT=$PGPORT \
    TOLLGATE_POSTGRES_USER=$PGUSER TOLLGATE_POSTGRES_PASSWORD=${PGPASSWORD:-} \
    TOLLGATE_REDIS_URI="redis://$REDIS_HOST:$REDIS_PORT" \
    TOLLGATE_USAGE_INGEST_STREAM=$STREAM TOLLGATE_USAGE_INGEST_DEAD_LETTER_STREAM="$STREAM:dead-letter" \
    TOLLGATE_USAGE_INGEST_BATCH_SIZE=$BATCH_SIZE \
    "$JAVA" -jar "$JAR" >/tmp/usage-ingest-bench.log 2>&1 &
app_pid=$!

count() { psql -At -d "$BENCH_DB" -c "select count(*) from tollgate_usage.usage_ledger" 2>/dev/null || echo 0; }
first_count=0
while :; do
    kill -0 "$app_pid" 2>/dev/null || { echo "usage-service exited; see /tmp/usage-ingest-bench.log" >&2; exit 1; }
    c=$(count)
    if ((c > 0)); then first_count=$c; first=$(now); break; fi
    sleep 0.05
done
while c=$(count); ((c < EVENTS)); do sleep 0.1; done
last=$(now)
dead=$(redis xlen "$STREAM:dead-letter")

seconds=$(echo "$last - $first" | bc)
rate=$(echo "($EVENTS - $first_count) / $seconds" | bc)
cat <<REPORT
## Usage ingest: $EVENTS events, batch size $BATCH_SIZE

- ingested: $((EVENTS - first_count)) events in ${seconds} s after the first row = **${rate} events/s** (dead-lettered: $dead)
- published with redis-cli --pipe in $(echo "$published - $start" | bc) s
- machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" info server | grep -m1 redis_version | tr -d '\r'); $(psql -At -d postgres -c 'show server_version')
- date: $(date -u +%Y-%m-%dT%H:%MZ); revision: $(git -C "$(dirname "$0")" rev-parse --short HEAD 2>/dev/null || echo unknown)
REPORT
