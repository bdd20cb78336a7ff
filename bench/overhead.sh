#!/usr/bin/env bash
# Measures the latency Tollgate adds to an OpenAI-compatible upstream. The same requests go straight to the
# mock upstream ("direct") and through the gateway, in the same run, and the script prints a markdown report:
#   - latency p50/p90/p99 at a fixed request rate (hey), non-streaming and streaming (first byte and whole stream);
#   - throughput at a fixed number of connections (wrk).
# Traffic goes to loopback only. Every load run stops by itself; the defaults take about 2.5 minutes.
#
# The gateway is started beforehand, pinned to its own core and pointed at the mock:
#   taskset -c 1 node bench/mock-upstream/server.mjs &          # or let this script start it on LOAD_CPU
#   TOLLGATE_OPENAI_BASE_URL=http://127.0.0.1:9090/v1 taskset -c 0 \
#       /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar &
#   bench/overhead.sh > result.md
#
# Settings (environment):
#   GATEWAY_URL      gateway root                                   http://127.0.0.1:8080
#   DIRECT_URL       mock upstream root                              http://127.0.0.1:9090
#   GATEWAY_API_KEY  sent as "Authorization: Bearer ..." to both     (none)
#   MODEL            model in every request                         gpt-4o-mini
#   RATE             requests per second in the latency runs        100
#   DURATION         seconds per run (8 runs)                       15
#   WARMUP           seconds of warm-up per mode, before measuring  5
#   CONNS            connections in the throughput runs             256
#   GATEWAY_CPU      core the gateway should own                    0
#   LOAD_CPU         core for the mock and the load generators      1
#   GATEWAY_PID      if set, the gateway's threads are pinned to GATEWAY_CPU with taskset
#   START_MOCK       auto: start the mock if none answers; 0: never; 1: always   auto
#   MOCK_LATENCY_MS, MOCK_CHUNKS, MOCK_CHUNK_INTERVAL_MS   passed to a mock this script starts (20, 10, 20)
#   OUT_DIR          where raw tool output is kept                  a new /tmp/tollgate-bench.* folder
#
# Progress goes to stderr; the report goes to stdout and to $OUT_DIR/report.md.
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0
elif (($# > 0)); then
    echo "overhead.sh: no arguments expected; settings come from the environment (see --help)" >&2
    exit 1
fi

SETTINGS=(GATEWAY_URL DIRECT_URL GATEWAY_API_KEY MODEL RATE DURATION WARMUP CONNS GATEWAY_CPU LOAD_CPU GATEWAY_PID
    START_MOCK MOCK_LATENCY_MS MOCK_CHUNKS MOCK_CHUNK_INTERVAL_MS OUT_DIR)
GIVEN=()
for name in "${SETTINGS[@]}"; do
    if [[ -v $name ]]; then GIVEN+=("$name"); fi
done

GATEWAY_URL=${GATEWAY_URL:-http://127.0.0.1:8080}
DIRECT_URL=${DIRECT_URL:-http://127.0.0.1:9090}
GATEWAY_API_KEY=${GATEWAY_API_KEY:-}
MODEL=${MODEL:-gpt-4o-mini}
RATE=${RATE:-100}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
CONNS=${CONNS:-256}
GATEWAY_CPU=${GATEWAY_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
GATEWAY_PID=${GATEWAY_PID:-}
START_MOCK=${START_MOCK:-auto}
MOCK_LATENCY_MS=${MOCK_LATENCY_MS:-20}
MOCK_CHUNKS=${MOCK_CHUNKS:-10}
MOCK_CHUNK_INTERVAL_MS=${MOCK_CHUNK_INTERVAL_MS:-20}
OUT_DIR=${OUT_DIR:-}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GATEWAY_URL=${GATEWAY_URL%/}
DIRECT_URL=${DIRECT_URL%/}
STARTED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
STARTED_SECONDS=$SECONDS
MOCK_PID=
WARNINGS=()
COMMANDS=()
declare -A R # results, keyed "<measure>.<mode>.<target>"

log() { printf '%s\n' "$*" >&2; }
die() {
    log "overhead.sh: $*"
    exit 1
}
warn() {
    log "warning: $*"
    WARNINGS+=("$*")
}


for name in RATE DURATION WARMUP CONNS GATEWAY_CPU LOAD_CPU MOCK_LATENCY_MS MOCK_CHUNKS MOCK_CHUNK_INTERVAL_MS; do
    [[ ${!name} =~ ^[0-9]+$ ]] || die "$name must be a whole number, not '${!name}'"
done
((RATE > 0 && DURATION > 0 && CONNS > 0)) || die "RATE, DURATION and CONNS must be above 0"

cleanup() {
    if [[ -n $MOCK_PID ]]; then kill "$MOCK_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

# --- checks ------------------------------------------------------------------------------------------------

host_of() {
    local rest=${1#*://}
    rest=${rest%%/*}
    if [[ $rest == \[* ]]; then echo "${rest%%]*}]"; else echo "${rest%%:*}"; fi
}

port_of() {
    local rest=${1#*://}
    rest=${rest%%/*}
    if [[ $rest =~ :([0-9]+)$ ]]; then echo "${BASH_REMATCH[1]}"; else echo 80; fi
}

require_loopback() {
    case $(host_of "$1") in
        localhost | 127.* | '[::1]') ;;
        *) die "$1 is not a loopback address: this benchmark only sends traffic to 127.0.0.0/8 or [::1]" ;;
    esac
}

install_missing_tools() {
    local missing=()
    command -v hey >/dev/null || missing+=(hey)
    command -v wrk >/dev/null || missing+=(wrk)
    command -v curl >/dev/null || missing+=(curl)
    command -v taskset >/dev/null || missing+=(util-linux)
    command -v ss >/dev/null || missing+=(iproute2)
    ((${#missing[@]} == 0)) && return
    [[ $(id -u) == 0 ]] || die "missing tools; install them first: apt-get install ${missing[*]}"
    log "installing ${missing[*]} with apt-get"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

listener_pid() {
    ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

affinity_of() {
    taskset -pc "$1" 2>/dev/null | sed 's/.*: //'
}

cpu_in_list() {
    local cpu=$1 part parts
    IFS=, read -ra parts <<<"$2"
    for part in "${parts[@]}"; do
        if [[ $part == *-* ]]; then
            if ((cpu >= ${part%-*} && cpu <= ${part#*-})); then return 0; fi
        elif ((cpu == part)); then
            return 0
        fi
    done
    return 1
}

mock_up() {
    curl -fsS -m 2 "$DIRECT_URL/mock/stats" >/dev/null 2>&1
}

start_mock() {
    command -v node >/dev/null || die "node is needed to start the mock (bench/mock-upstream/server.mjs)"
    log "starting the mock upstream on CPU $LOAD_CPU"
    taskset -c "$LOAD_CPU" node "$BENCH_DIR/mock-upstream/server.mjs" --port "$(port_of "$DIRECT_URL")" \
        --latency-ms "$MOCK_LATENCY_MS" --chunks "$MOCK_CHUNKS" --chunk-interval-ms "$MOCK_CHUNK_INTERVAL_MS" \
        >"$OUT_DIR/mock.log" 2>&1 &
    MOCK_PID=$!
    for _ in $(seq 50); do
        if mock_up; then return; fi
        sleep 0.1
    done
    cat "$OUT_DIR/mock.log" >&2
    die "the mock did not come up on $DIRECT_URL"
}

ensure_mock() {
    if [[ $START_MOCK == 1 ]] && mock_up; then
        die "a mock already answers on $DIRECT_URL; stop it, or use START_MOCK=auto to measure against it"
    fi
    if [[ $START_MOCK == 1 ]] || { [[ $START_MOCK == auto ]] && ! mock_up; }; then
        start_mock
        MOCK_DESCRIPTION="started by this script: latency ${MOCK_LATENCY_MS} ms, ${MOCK_CHUNKS} chunks ${MOCK_CHUNK_INTERVAL_MS} ms apart"
    elif mock_up; then
        MOCK_DESCRIPTION="already running (its latency settings are whatever it was started with)"
    else
        die "no mock answers on $DIRECT_URL/mock/stats; start bench/mock-upstream/server.mjs or set START_MOCK=auto"
    fi
}

# Describes (and, with GATEWAY_PID, sets) who runs where, and warns when the gateway shares the load core.
check_pinning() {
    local pid=$GATEWAY_PID cpus
    if [[ -n $pid ]]; then
        taskset -a -pc "$GATEWAY_CPU" "$pid" >/dev/null || die "could not pin pid $pid to CPU $GATEWAY_CPU"
    else
        pid=$(listener_pid "$(port_of "$GATEWAY_URL")")
    fi
    if [[ -z $pid ]]; then
        warn "could not find the process listening on $GATEWAY_URL, so its CPU affinity is unknown"
        GATEWAY_DESCRIPTION="pid unknown, affinity unknown"
        return
    fi
    cpus=$(affinity_of "$pid")
    GATEWAY_DESCRIPTION="pid $pid, CPUs $cpus"
    local exe
    exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
    if [[ $exe == */java ]]; then
        GATEWAY_DESCRIPTION+=", $("$exe" -version 2>&1 | head -1)"
    fi
    if cpu_in_list "$LOAD_CPU" "$cpus"; then
        warn "the gateway (pid $pid, CPUs $cpus) may run on CPU $LOAD_CPU, which the load generator uses; start it with taskset -c $GATEWAY_CPU or pass GATEWAY_PID"
    fi
}

# Percentage of all CPUs busy during one second before the load starts. Anything well above 0 is another
# process (a build, an IDE) competing with the gateway or the load generator, and it shows up in the tails.
cpu_busy_percent() {
    local a b
    a=$(head -1 /proc/stat)
    sleep 1
    b=$(head -1 /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN {
        n = split(a, x, " "); split(b, y, " ")
        for (i = 2; i <= 9 && i <= n; i++) { total += y[i] - x[i] } # guest time is already in user
        idle = (y[5] - x[5]) + (y[6] - x[6])
        printf "%.0f", (total > 0 ? 100 * (total - idle) / total : 0) }'
}

cpu_ticks() { # cpu -> "busy total" jiffies of that one CPU since boot
    awk -v cpu="cpu$1" '$1 == cpu { for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat
}

busy_since() { # cpu "busy total" -> percent of that CPU busy since the sample
    local now
    now=$(cpu_ticks "$1")
    awk -v a="$2" -v b="$now" 'BEGIN { split(a, x, " "); split(b, y, " ")
        t = y[2] - x[2]; printf "%.0f", (t > 0 ? 100 * (y[1] - x[1]) / t : 0) }'
}

check_quiet() {
    BUSY_PERCENT=$(cpu_busy_percent)
    if ((BUSY_PERCENT > 10)); then
        warn "the machine was ${BUSY_PERCENT}% busy before the run started; other processes will add noise, mostly to the p99s"
    fi
}

# --- requests ----------------------------------------------------------------------------------------------

write_bodies() {
    local messages='[{"role":"system","content":"You are a terse assistant."},{"role":"user","content":"In one sentence: why should an AI gateway add as little latency as possible?"}]'
    printf '{"model":"%s","messages":%s}\n' "$MODEL" "$messages" >"$OUT_DIR/plain.json"
    printf '{"model":"%s","stream":true,"stream_options":{"include_usage":true},"messages":%s}\n' \
        "$MODEL" "$messages" >"$OUT_DIR/stream.json"
}

AUTH_HEADER=()
CURL_AUTH=()
if [[ -n $GATEWAY_API_KEY ]]; then
    AUTH_HEADER=(-H "Authorization: Bearer $GATEWAY_API_KEY")
    CURL_AUTH=("${AUTH_HEADER[@]}")
fi

post() { # url body-file out-file [curl options...] -> prints curl's -w output
    local url=$1 body=$2 out=$3
    shift 3
    curl -sS -m 15 -o "$out" "${CURL_AUTH[@]}" -H 'Content-Type: application/json' --data-binary "@$body" "$@" \
        "$url/v1/chat/completions"
}

smoke_test() { # target url mode expected-text
    local out="$OUT_DIR/smoke-$1-$3.txt" code
    rm -f "$out"
    code=$(post "$2" "$OUT_DIR/$3.json" "$out" -w '%{http_code}') || code="nothing"
    if [[ $code != 200 ]] || ! grep -q "$4" "$out"; then
        if [[ -s $out ]]; then head -c 800 "$out" >&2 && log ""; fi
        [[ $1 == gateway ]] && log "hint: start the gateway with TOLLGATE_OPENAI_BASE_URL=$DIRECT_URL/v1, check that it" \
            "lists $MODEL in GET /v1/models, and set GATEWAY_API_KEY if it wants a key"
        [[ $code == nothing ]] || code="HTTP $code"
        die "$1 ($2) answered $code to a $3 request with model $MODEL"
    fi
}

seconds_for() { # url mode -> seconds one unloaded request takes
    post "$1" "$OUT_DIR/$2.json" /dev/null -w '%{time_total}'
}

# Milliseconds between the response headers and the first body bytes of one streamed response. When it is near 0,
# the first byte hey times is also the first token.
header_to_data_ms() {
    curl -sN -m 15 --trace-ascii - --trace-time -o /dev/null "${CURL_AUTH[@]}" -H 'Content-Type: application/json' \
        --data-binary "@$OUT_DIR/stream.json" "$1/v1/chat/completions" |
        awk 'function s(t, p) { split(t, p, ":"); return p[1] * 3600 + p[2] * 60 + p[3] }
             /<= Recv header/ && h == "" { h = $1 }
             /<= Recv data/ && d == "" { d = $1 }
             END { if (h == "" || d == "") print "?"; else printf "%.1f", (s(d) - s(h)) * 1000 }'
}

upstream_count() { # mode -> requests of that kind the mock has served so far
    local field=chat_completions
    [[ $1 == stream ]] && field=chat_completion_streams
    curl -fsS -m 2 "$DIRECT_URL/mock/stats" | grep -o "\"$field\":[0-9]*" | cut -d: -f2
}

show_command() { # redacts the key from a command line kept for the report
    local text
    text=$(printf '%q ' "$@")
    # shellcheck disable=SC2016 # the literal variable name replaces the secret
    if [[ -n $GATEWAY_API_KEY ]]; then text=${text//"$GATEWAY_API_KEY"/'$GATEWAY_API_KEY'}; fi
    COMMANDS+=("${text% }")
}

# --- load runs ---------------------------------------------------------------------------------------------

# hey's -q is per worker, and a worker waits for its answer before taking the next tick, so a run needs more
# workers than requests in flight at RATE: twice as many keeps every worker ahead of its ticks.
workers_for() { # seconds-per-request
    awk -v rate="$RATE" -v s="$1" 'BEGIN { w = int(rate * s * 2 + 0.999); if (w < 2) w = 2; print w }'
}

# All workers of one hey process tick together, so its requests arrive in bursts of -c. To send at a steady
# rate instead, the workers are split over up to MAX_HEY copies of hey, started 1/(copies*q) s apart.
MAX_HEY=10

latency_run() { # mode target url workers
    local mode=$1 target=$2 url=$3 workers=$4 copies qps gap csv before after i ticks
    copies=$((workers < MAX_HEY ? workers : MAX_HEY))
    workers=$(((workers + copies - 1) / copies * copies))
    qps=$(awk -v r="$RATE" -v w="$workers" 'BEGIN { printf "%.4g", r / w }')
    gap=$(awk -v q="$qps" -v k="$copies" 'BEGIN { printf "%.4f", 1 / (q * k) }')
    csv="$OUT_DIR/hey-$mode-$target.csv"
    local cmd=(taskset -c "$LOAD_CPU" hey -cpus 1 -z "${DURATION}s" -c $((workers / copies)) -q "$qps" -m POST
        -T application/json -D "$OUT_DIR/$mode.json" "${AUTH_HEADER[@]}" -o csv "$url/v1/chat/completions")
    show_command "${cmd[@]}"
    COMMANDS[-1]="# $copies copies started ${gap} s apart: ${COMMANDS[-1]}"
    log "latency  $mode $target: $workers workers x $qps req/s in $copies hey processes for ${DURATION}s"
    before=$(upstream_count "$mode")
    ticks=$(cpu_ticks "$GATEWAY_CPU")
    for ((i = 0; i < copies; i++)); do
        (
            sleep "$(awk -v g="$gap" -v i="$i" 'BEGIN { print g * i }')"
            exec timeout -k 5 $((DURATION + 30)) "${cmd[@]}" >"$csv.$i"
        ) &
    done
    wait_all "hey failed or hung; see $csv.*"
    R[cpu.$mode.$target]=$(busy_since "$GATEWAY_CPU" "$ticks")
    after=$(upstream_count "$mode")
    head -1 "$csv.0" >"$csv"
    for ((i = 0; i < copies; i++)); do tail -n +2 "$csv.$i" >>"$csv" && rm "$csv.$i"; done
    R[load.$mode.$target]="hey ×$copies, $workers workers × $qps req/s"
    R[expected.$mode.$target]=$(awk -v w="$workers" -v q="$qps" -v d="$DURATION" 'BEGIN { print w * int(q * d) }')
    R[upstream.$mode.$target]=$((after - before))
    local ok
    read -r ok "R[p50.$mode.$target]" "R[p90.$mode.$target]" "R[p99.$mode.$target]" < <(csv_percentiles "$csv" total)
    R[non2xx.$mode.$target]=$(awk -F, 'NR > 1 && $7 != 200 { n++ } END { print n + 0 }' "$csv")
    R[n.$mode.$target]=$((ok + ${R[non2xx.$mode.$target]}))
    R[rps.$mode.$target]=$(awk -v n="${R[n.$mode.$target]}" -v d="$DURATION" 'BEGIN { printf "%.1f", n / d }')
    R[errors.$mode.$target]="–"
    if [[ $mode == stream ]]; then
        read -r _ "R[p50.ttfb.$target]" "R[p90.ttfb.$target]" "R[p99.ttfb.$target]" < <(csv_percentiles "$csv" ttfb)
    fi
    check_run "$mode" "$target" "${R[expected.$mode.$target]}"
}

wait_all() { # message: waits for every background job and fails if one did
    local failed=0 job
    for job in $(jobs -p); do
        if [[ $job != "$MOCK_PID" ]]; then wait "$job" || failed=1; fi
    done
    ((failed == 0)) || die "$1"
}

# Nearest-rank percentiles in ms over the successful rows of hey's CSV: "count p50 p90 p99". The first byte is
# the whole response time less hey's body-read time.
csv_percentiles() { # csv total|ttfb
    awk -F, -v what="$2" 'NR > 1 && $7 == 200 { printf "%.4f\n", (what == "ttfb" ? $1 - $6 : $1) * 1000 }' "$1" |
        sort -n |
        awk 'function rank(p) { r = int(p * NR / 100); if (r < p * NR / 100) r++; return r < 1 ? 1 : r }
             { v[NR] = $1 }
             END { if (NR == 0) { print "0 – – –"; exit }
                   printf "%d %.1f %.1f %.1f\n", NR, v[rank(50)], v[rank(90)], v[rank(99)] }'
}

throughput_run() { # mode target url [seconds]
    local mode=$1 target=$2 url=$3 seconds=${4:-$DURATION} out before after line pair ticks busy
    out="$OUT_DIR/wrk-$mode-$target-${seconds}s.txt"
    local cmd=(taskset -c "$LOAD_CPU" wrk -t1 -c"$CONNS" -d"${seconds}s" --timeout 10s
        -s "$BENCH_DIR/wrk/post.lua" "$url/v1/chat/completions")
    if [[ -z ${4:-} ]]; then
        local env=(env WRK_BODY_FILE="$OUT_DIR/$mode.json")
        if [[ -n $GATEWAY_API_KEY ]]; then env+=(WRK_AUTH="Bearer $GATEWAY_API_KEY"); fi
        show_command "${env[@]}" "${cmd[@]}"
        log "throughput $mode $target: $CONNS connections for ${seconds}s"
    else
        log "warm-up  $mode $target: $CONNS connections for ${seconds}s"
    fi
    before=$(upstream_count "$mode")
    ticks=$(cpu_ticks "$GATEWAY_CPU")
    WRK_BODY_FILE="$OUT_DIR/$mode.json" WRK_AUTH=${GATEWAY_API_KEY:+"Bearer $GATEWAY_API_KEY"} \
        timeout -k 5 $((seconds + 30)) "${cmd[@]}" >"$out" || die "wrk failed or hung; see $out"
    busy=$(busy_since "$GATEWAY_CPU" "$ticks")
    after=$(upstream_count "$mode")
    [[ -n ${4:-} ]] && return
    line=$(grep '^WRK_RESULT ' "$out") || die "no WRK_RESULT line in $out"
    local -A w=()
    for pair in ${line#WRK_RESULT }; do w[${pair%%=*}]=${pair#*=}; done
    local key=tput.$mode.$target
    R[load.$key]="wrk, 1 thread, $CONNS connections"
    R[upstream.$key]=$((after - before))
    R[cpu.$key]=$busy
    R[n.$key]=${w[requests]}
    R[rps.$key]=$(awk -v n="${w[requests]}" -v us="${w[duration_us]}" 'BEGIN { printf "%.0f", n * 1e6 / us }')
    R[non2xx.$key]=${w[non2xx]}
    R[errors.$key]=$((${w[connect]} + ${w[read]} + ${w[write]} + ${w[timeout]}))
    R[p50.$key]=$(awk -v us="${w[p50_us]}" 'BEGIN { printf "%.1f", us / 1000 }')
    R[p99.$key]=$(awk -v us="${w[p99_us]}" 'BEGIN { printf "%.1f", us / 1000 }')
    check_run "$mode" "$target" "" tput.
}

check_run() { # mode target expected-requests [key-prefix]
    local key=${4:-}$1.$2 what="${4:+throughput }$1 run to $2"
    if ((${R[non2xx.$key]} > 0)); then warn "$what: ${R[non2xx.$key]} responses were not HTTP 200"; fi
    if [[ ${R[errors.$key]} != – ]] && ((${R[errors.$key]} > 0)); then
        warn "$what: ${R[errors.$key]} socket errors or timeouts"
    fi
    if [[ -n $3 ]] && ((${R[n.$key]} < $3 * 95 / 100)); then
        warn "$what: ${R[n.$key]} of $3 requests done; hey skips ticks while a worker waits, so the rate fell short"
    fi
    if [[ $2 == direct ]] && ((${R[cpu.$key]} > 10)); then
        warn "$what: CPU $GATEWAY_CPU was ${R[cpu.$key]}% busy although only the gateway should use it, and it had nothing to do; something else is running"
    fi
    # The mock counts what it served; fewer than the gateway answered means something else answered (a cache?).
    if ((${R[upstream.$key]} < ${R[n.$key]} - ${R[non2xx.$key]})); then
        warn "$what: the gateway answered ${R[n.$key]} requests but the mock saw ${R[upstream.$key]}; disable response caching for this benchmark"
    fi
}

# --- report ------------------------------------------------------------------------------------------------

added() { # direct gateway -> signed difference
    awk -v d="$1" -v g="$2" 'BEGIN { if (d !~ /^[0-9.]+$/ || g !~ /^[0-9.]+$/) print "–"; else printf "%+.1f", g - d }'
}

triple() { # measure target
    echo "${R[p50.$1.$2]} / ${R[p90.$1.$2]} / ${R[p99.$1.$2]}"
}

table_row() { # label measure throughput-mode
    local tput_direct="–" tput_gateway="–"
    if [[ -n $3 ]]; then
        tput_direct=${R[rps.tput.$3.direct]}
        tput_gateway=${R[rps.tput.$3.gateway]}
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(triple "$2" direct)" "$(triple "$2" gateway)" \
        "$(added "${R[p50.$2.direct]}" "${R[p50.$2.gateway]}")" "$(added "${R[p99.$2.direct]}" "${R[p99.$2.gateway]}")" \
        "$tput_direct" "$tput_gateway"
}

detail_row() { # label key
    local p90=${R[p90.$2]:-}
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s%% |\n' "$1" "${R[load.$2]}" "${R[n.$2]}" "${R[rps.$2]}" \
        "${R[non2xx.$2]}" "${R[errors.$2]}" "${R[upstream.$2]}" "${R[p50.$2]}${p90:+ / $p90} / ${R[p99.$2]}" \
        "${R[cpu.$2]}"
}

command_line() {
    local parts=() name
    for name in "${GIVEN[@]}"; do
        if [[ $name == GATEWAY_API_KEY ]]; then parts+=("GATEWAY_API_KEY=…"); else parts+=("$name=$(printf '%q' "${!name}")"); fi
    done
    parts+=("$0")
    echo "${parts[*]}"
}

machine() {
    local cpu mem
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
    mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    echo "$(nproc) CPUs ($cpu), $mem RAM, Linux $(uname -r)"
}

source_revision() {
    local rev
    rev=$(git -C "$BENCH_DIR" rev-parse --short HEAD 2>/dev/null) || {
        echo "no commit yet"
        return
    }
    if [[ -n $(git -C "$BENCH_DIR" status --porcelain 2>/dev/null) ]]; then rev+=" (with uncommitted changes)"; fi
    echo "$rev"
}

report() {
    echo "### Overhead, $STARTED_AT"
    echo
    echo "- Command: \`$(command_line)\`"
    echo "- Machine: $(machine); ${BUSY_PERCENT}% busy in the second before the run"
    echo "- Source: $(source_revision); hey $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '?')," \
        "wrk $(dpkg-query -W -f='${Version}' wrk 2>/dev/null || echo '?'), node $(node --version 2>/dev/null || echo '?')"
    echo "- Gateway: $GATEWAY_URL ($GATEWAY_DESCRIPTION); mock and load generators on CPU $LOAD_CPU"
    echo "- Mock upstream: $DIRECT_URL, $MOCK_DESCRIPTION; one unloaded request took ${PLAIN_MS} ms" \
        "(non-streaming) and ${STREAM_MS} ms (streaming)"
    echo "- Load: model \`$MODEL\`; latency at $RATE req/s, throughput with $CONNS connections; ${DURATION} s per run" \
        "after ${WARMUP} s of warm-up; run took $((SECONDS - STARTED_SECONDS)) s"
    echo "- Streaming: headers to first body bytes through the gateway: ${HEADER_GAP_MS} ms" \
        "(near 0 means the first byte is the first token)"
    echo
    echo "| Scenario | Direct p50 / p90 / p99 (ms) | Gateway p50 / p90 / p99 (ms) | Added p50 (ms) | Added p99 (ms) | Throughput direct (req/s) | Throughput gateway (req/s) |"
    echo "|---|---|---|---|---|---|---|"
    table_row "Chat, non-streaming" plain plain
    table_row "Chat, streaming: first byte" ttfb ""
    table_row "Chat, streaming: whole stream" stream stream
    echo
    echo "Added = gateway percentile minus direct percentile. Latency rows: $RATE req/s; throughput: $CONNS connections."
    echo "CPU $GATEWAY_CPU busy (in Runs) is the gateway's core: near 0 in direct runs, near 100% when the gateway is saturated."
    echo
    echo "<details><summary>Runs</summary>"
    echo
    echo "| Run | Load | Requests | Req/s | Non-200 | Socket errors | Mock saw | p50 / p90 / p99 (ms) | CPU $GATEWAY_CPU busy |"
    echo "|---|---|---|---|---|---|---|---|---|"
    for mode in plain stream; do
        for target in direct gateway; do detail_row "$mode latency, $target" "$mode.$target"; done
    done
    for mode in plain stream; do
        for target in direct gateway; do detail_row "$mode throughput, $target" "tput.$mode.$target"; done
    done
    echo
    echo "\`\`\`"
    printf '%s\n' "${COMMANDS[@]}"
    echo "\`\`\`"
    echo
    echo "</details>"
    if ((${#WARNINGS[@]})); then
        echo
        printf '> **Warning:** %s\n>\n' "${WARNINGS[@]}" | sed '$d'
    fi
}

# --- main --------------------------------------------------------------------------------------------------

require_loopback "$GATEWAY_URL"
require_loopback "$DIRECT_URL"
install_missing_tools
if [[ -z $OUT_DIR ]]; then OUT_DIR=$(mktemp -d /tmp/tollgate-bench.XXXXXX); fi
mkdir -p "$OUT_DIR"
write_bodies
ensure_mock
check_pinning
check_quiet
smoke_test direct "$DIRECT_URL" plain '"chat.completion"'
smoke_test direct "$DIRECT_URL" stream 'data: \[DONE\]'
smoke_test gateway "$GATEWAY_URL" plain '"chat.completion"'
smoke_test gateway "$GATEWAY_URL" stream 'data: \[DONE\]'

if ((WARMUP > 0)); then
    for mode in plain stream; do
        throughput_run "$mode" direct "$DIRECT_URL" 2
        throughput_run "$mode" gateway "$GATEWAY_URL" "$WARMUP"
    done
fi

PLAIN_MS=$(awk -v s="$(seconds_for "$DIRECT_URL" plain)" 'BEGIN { printf "%.1f", s * 1000 }')
STREAM_MS=$(awk -v s="$(seconds_for "$DIRECT_URL" stream)" 'BEGIN { printf "%.1f", s * 1000 }')
HEADER_GAP_MS=$(header_to_data_ms "$GATEWAY_URL")
gateway_stream_s=$(seconds_for "$GATEWAY_URL" stream)
gateway_plain_s=$(seconds_for "$GATEWAY_URL" plain)
plain_workers=$(workers_for "$(awk -v a="$PLAIN_MS" -v b="$gateway_plain_s" 'BEGIN { a /= 1000; print (a > b ? a : b) }')")
stream_workers=$(workers_for "$(awk -v a="$STREAM_MS" -v b="$gateway_stream_s" 'BEGIN { a /= 1000; print (a > b ? a : b) }')")
if [[ $HEADER_GAP_MS != "?" ]] && awk -v g="$HEADER_GAP_MS" 'BEGIN { exit !(g > 2) }'; then
    warn "the gateway sends stream headers ${HEADER_GAP_MS} ms before the first data, so \"first byte\" times the headers, not the first token"
fi

latency_run plain direct "$DIRECT_URL" "$plain_workers"
latency_run plain gateway "$GATEWAY_URL" "$plain_workers"
latency_run stream direct "$DIRECT_URL" "$stream_workers"
latency_run stream gateway "$GATEWAY_URL" "$stream_workers"
for mode in plain stream; do
    throughput_run "$mode" direct "$DIRECT_URL"
    throughput_run "$mode" gateway "$GATEWAY_URL"
done

report | tee "$OUT_DIR/report.md"
log "raw output: $OUT_DIR"
