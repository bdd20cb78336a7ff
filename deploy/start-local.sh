#!/usr/bin/env bash
# Starts the whole Tollgate platform on this machine and keeps it in the foreground: Ctrl-C stops it.
#
#   deploy/start-local.sh            build, then start gateway (8080), admin (8081) and usage (8082)
#
# Expects PostgreSQL and Redis on their default local ports; where they do not answer and Docker Compose works, it
# starts them from deploy/docker-compose.yml. Settings come from the same TOLLGATE_* variables the services read
# (TOLLGATE_POSTGRES_HOST/PORT/DB/USER/PASSWORD, TOLLGATE_REDIS_URI, TOLLGATE_{GATEWAY,ADMIN,USAGE}_PORT), plus:
#   TOLLGATE_SKIP_BUILD=1      start the jars already in */target instead of building first
#   TOLLGATE_SERVICES="..."    which services to start (default: "gateway admin usage")
#   TOLLGATE_JAVA_OPTS="..."   JVM options for every service
#   TOLLGATE_HEALTH_TIMEOUT=N  seconds each service may take to report healthy (default 120)
#
# Development secrets (master key, key-hash secret, first admin's password and API token) are generated on the first
# run into deploy/.local/secrets.env (mode 600) and reused afterwards; variables already set in the environment win.
# The admin service starts with the "local" profile, which seeds a demo tenant, mock models and one demo key.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/deploy/.local"
LOGS="$LOCAL/logs"
VERSION="0.1.0-SNAPSHOT"

export TOLLGATE_POSTGRES_HOST="${TOLLGATE_POSTGRES_HOST:-127.0.0.1}"
export TOLLGATE_POSTGRES_PORT="${TOLLGATE_POSTGRES_PORT:-5432}"
export TOLLGATE_POSTGRES_DB="${TOLLGATE_POSTGRES_DB:-tollgate}"
export TOLLGATE_POSTGRES_USER="${TOLLGATE_POSTGRES_USER:-postgres}"
export TOLLGATE_REDIS_URI="${TOLLGATE_REDIS_URI:-redis://127.0.0.1:6379}"
export TOLLGATE_GATEWAY_PORT="${TOLLGATE_GATEWAY_PORT:-8080}"
export TOLLGATE_ADMIN_PORT="${TOLLGATE_ADMIN_PORT:-8081}"
export TOLLGATE_USAGE_PORT="${TOLLGATE_USAGE_PORT:-8082}"
# The console calls usage-service for reports on the signed-in user's behalf.
export TOLLGATE_USAGE_URL="${TOLLGATE_USAGE_URL:-http://127.0.0.1:$TOLLGATE_USAGE_PORT}"
SERVICES="${TOLLGATE_SERVICES:-gateway admin usage}"
HEALTH_TIMEOUT="${TOLLGATE_HEALTH_TIMEOUT:-120}"
# Netty loads its native transport; without this flag JDK 24+ warns on every start.
JAVA_OPTS="${TOLLGATE_JAVA_OPTS:--XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED}"

declare -A PIDS=()

if [[ -t 1 ]]; then BOLD=$'\033[1m' RED=$'\033[31m' PLAIN=$'\033[0m'; else BOLD="" RED="" PLAIN=""; fi
say() { printf '%s==> %s%s\n' "$BOLD" "$*" "$PLAIN"; }
fail() {
    printf '%sError:%s %s\n' "$RED" "$PLAIN" "$*" >&2
    exit 1
}

# --- (a) a JDK 21 or newer ----------------------------------------------------------------------------------------

java_major() {
    local version
    version="$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')"
    version="${version#1.}" # Java 8 reports 1.8
    echo "${version:-0}"
}

is_jdk() {
    [[ -x "$1/bin/java" && -x "$1/bin/javac" ]]
}

find_jdk() { # prints the JDK to use: JAVA_HOME when it is 21+, else the newest 21+ under /usr/lib/jvm
    if [[ -n "${JAVA_HOME:-}" ]] && is_jdk "$JAVA_HOME" && (($(java_major "$JAVA_HOME/bin/java") >= 21)); then
        echo "$JAVA_HOME"
        return
    fi
    local candidate major best="" best_major=0
    for candidate in /usr/lib/jvm/*; do
        is_jdk "$candidate" || continue
        major="$(java_major "$candidate/bin/java")"
        if ((major >= 21 && major > best_major)); then
            best="$candidate"
            best_major="$major"
        fi
    done
    [[ -n "$best" ]] && echo "$best"
}

for service in $SERVICES; do
    [[ "$service" =~ ^(gateway|admin|usage)$ ]] || fail "Unknown service '$service' in TOLLGATE_SERVICES (known: gateway admin usage)"
done

JAVA_HOME="$(find_jdk)" || fail "Tollgate needs a JDK 21 or newer and found none (JAVA_HOME, /usr/lib/jvm/*).
Install one, for example:  sudo apt-get install openjdk-21-jdk-headless
(or Temurin 21/25 from adoptium.net), or point JAVA_HOME at an existing JDK 21+."
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
say "Using JDK $(java_major "$JAVA") at $JAVA_HOME"

# --- (c) PostgreSQL, Redis and the database, checked before the build so that a missing one fails fast ------------

REDIS_HOSTPORT="${TOLLGATE_REDIS_URI#*://}"
REDIS_HOSTPORT="${REDIS_HOSTPORT##*@}"
REDIS_HOSTPORT="${REDIS_HOSTPORT%%/*}"
REDIS_HOST="${REDIS_HOSTPORT%%:*}"
REDIS_PORT="${REDIS_HOSTPORT##*:}"
[[ "$REDIS_PORT" == "$REDIS_HOSTPORT" ]] && REDIS_PORT=6379

answers() { # host port: does anything accept TCP connections there?
    timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null
}

compose_works() {
    docker compose version >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

ensure_infrastructure() {
    local postgres_up=0 redis_up=0
    answers "$TOLLGATE_POSTGRES_HOST" "$TOLLGATE_POSTGRES_PORT" && postgres_up=1
    answers "$REDIS_HOST" "$REDIS_PORT" && redis_up=1
    ((postgres_up && redis_up)) && return
    if compose_works; then
        say "Starting PostgreSQL and Redis with Docker Compose"
        # --wait returns once both health checks pass; Docker's port proxy accepts connections long before that.
        docker compose -f "$ROOT/deploy/docker-compose.yml" up -d --wait postgres redis ||
            fail "Docker Compose could not start PostgreSQL and Redis (see above)."
        return
    fi
    ((postgres_up)) || echo "PostgreSQL does not answer on $TOLLGATE_POSTGRES_HOST:$TOLLGATE_POSTGRES_PORT." >&2
    ((redis_up)) || echo "Redis does not answer on $REDIS_HOST:$REDIS_PORT." >&2
    fail "Start them and run this again. On Debian:
    sudo apt-get install postgresql redis-server
    sudo pg_ctlcluster 15 main start        # or: sudo systemctl start postgresql
    sudo systemctl start redis-server       # or: redis-server --daemonize yes
With Docker instead:  docker compose -f deploy/docker-compose.yml up -d"
}

ensure_database() {
    if ! command -v psql >/dev/null 2>&1; then
        echo "psql not found (apt-get install postgresql-client); assuming database $TOLLGATE_POSTGRES_DB exists." >&2
        return
    fi
    local psql=(psql -h "$TOLLGATE_POSTGRES_HOST" -p "$TOLLGATE_POSTGRES_PORT" -U "$TOLLGATE_POSTGRES_USER"
        -d postgres -v ON_ERROR_STOP=1 -tA)
    local exists
    exists="$(PGPASSWORD="${TOLLGATE_POSTGRES_PASSWORD:-}" PGCONNECT_TIMEOUT=5 "${psql[@]}" \
        -c "select 1 from pg_database where datname = '$TOLLGATE_POSTGRES_DB'" 2>&1)" ||
        fail "Cannot connect to PostgreSQL as $TOLLGATE_POSTGRES_USER: $exists
Set TOLLGATE_POSTGRES_PASSWORD, or allow that user from 127.0.0.1 in pg_hba.conf."
    if [[ "$exists" != 1 ]]; then
        say "Creating database $TOLLGATE_POSTGRES_DB"
        PGPASSWORD="${TOLLGATE_POSTGRES_PASSWORD:-}" "${psql[@]}" -c "create database \"$TOLLGATE_POSTGRES_DB\"" >/dev/null
    fi
}

ensure_infrastructure
ensure_database

# --- (b2) development secrets, generated once and kept in deploy/.local/secrets.env -------------------------------

SECRETS="$LOCAL/secrets.env"

random_base64() { # bytes: that many random bytes, base64
    if command -v openssl >/dev/null 2>&1; then
        openssl rand -base64 "$1"
    else
        head -c "$1" /dev/urandom | base64 -w0
    fi
}

random_token() { # bytes: that many random bytes as a URL-safe token
    random_base64 "$1" | tr '+/' '-_' | tr -d '=\n'
}

ensure_secrets() {
    if [[ ! -f "$SECRETS" ]]; then
        mkdir -p "$LOCAL"
        (
            umask 077
            {
                echo "# Development secrets for deploy/start-local.sh. Never use them anywhere else."
                echo "TOLLGATE_MASTER_KEY=$(random_base64 32)"
                echo "TOLLGATE_MASTER_KEY_ID=dev1"
                echo "TOLLGATE_KEY_HASH_SECRET=$(random_token 48)"
                echo "TOLLGATE_ADMIN_EMAIL=admin@tollgate.local"
                echo "TOLLGATE_ADMIN_PASSWORD=$(random_token 18)"
                echo "TOLLGATE_ADMIN_API_TOKEN=tg-admin-$(random_token 32)"
            } >"$SECRETS"
        )
        chmod 600 "$SECRETS"
        say "Generated development secrets in $SECRETS (kept for the next runs)"
    fi
    local name value
    while IFS='=' read -r name value; do
        [[ "$name" =~ ^TOLLGATE_[A-Z_]+$ ]] || continue
        # A value already in the environment wins over the file.
        [[ -n "${!name:-}" ]] || export "$name=$value"
    done <"$SECRETS"
}

ensure_secrets

# --- (b) build ----------------------------------------------------------------------------------------------------

jar_of() {
    echo "$ROOT/$1-service/target/$1-service-$VERSION.jar"
}

if [[ "${TOLLGATE_SKIP_BUILD:-0}" != 1 ]]; then
    say "Building (the first build downloads dependencies and takes a few minutes)"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || fail "The build failed; see the Maven output above."
fi
for service in $SERVICES; do
    [[ -f "$(jar_of "$service")" ]] || fail "$(jar_of "$service") is missing: build with ./mvnw -B -DskipTests package"
done

# --- (d) start the services ---------------------------------------------------------------------------------------

port_of() {
    case "$1" in
        gateway) echo "$TOLLGATE_GATEWAY_PORT" ;;
        admin) echo "$TOLLGATE_ADMIN_PORT" ;;
        usage) echo "$TOLLGATE_USAGE_PORT" ;;
    esac
}

stop_all() {
    trap - INT TERM EXIT
    ((${#PIDS[@]})) || return 0
    say "Stopping ${!PIDS[*]}"
    local pid
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    # Graceful shutdown lets in-flight requests finish (20s per phase); after 30s stop waiting.
    local deadline=$((SECONDS + 30))
    for pid in "${PIDS[@]}"; do
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

mkdir -p "$LOGS"
for service in $SERVICES; do
    port="$(port_of "$service")"
    # Another process on the port would answer the health check in place of the service we start.
    ! answers 127.0.0.1 "$port" || fail "Port $port ($service) is already in use: is Tollgate already running?"
done
DEMO_KEY_FILE="$LOCAL/demo-key"
for service in $SERVICES; do
    port="$(port_of "$service")"
    extra=()
    if [[ "$service" == admin ]]; then
        # The local profile seeds the demo data; on a fresh database the demo key's secret lands in this file.
        extra=(--spring.profiles.active=local --tollgate.demo.key-file="$DEMO_KEY_FILE")
    fi
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    "$JAVA" $JAVA_OPTS -jar "$(jar_of "$service")" --server.port="$port" "${extra[@]}" >"$LOGS/$service.log" 2>&1 &
    PIDS[$service]=$!
    say "Started $service (pid ${PIDS[$service]}), log: $LOGS/$service.log"
done

# --- (e) wait until each is healthy -------------------------------------------------------------------------------

health_status() { # port: HTTP status of /actuator/health, or 000 when nothing answers
    if command -v curl >/dev/null 2>&1; then
        curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$1/actuator/health" || true
        return
    fi
    # Fresh Debian images may lack curl: speak just enough HTTP/1.0 through bash's /dev/tcp.
    timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1 && printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 &&
        head -n1 <&3" 2>/dev/null | awk '{print $2}' || true
}

give_up() { # service reason
    echo >&2
    printf '%s%s %s.%s Last lines of %s:\n' "$RED" "$1" "$2" "$PLAIN" "$LOGS/$1.log" >&2
    # Stack frames would crowd out the "Caused by" lines that say what went wrong.
    grep -v -E '^[[:space:]]+(at |\.\.\. [0-9]+ (common frames omitted|more))' "$LOGS/$1.log" | tail -n 40 >&2 || true
    exit 1
}

for service in $SERVICES; do
    port="$(port_of "$service")"
    deadline=$((SECONDS + HEALTH_TIMEOUT))
    until [[ "$(health_status "$port")" == 200 ]]; do
        kill -0 "${PIDS[$service]}" 2>/dev/null || give_up "$service" "exited before becoming healthy"
        ((SECONDS < deadline)) || give_up "$service" "was not healthy on port $port after ${HEALTH_TIMEOUT}s"
        sleep 1
    done
    say "$service is healthy"
done

# --- (f) where everything listens ---------------------------------------------------------------------------------

echo
say "Tollgate is running. Ctrl-C stops it."
for service in $SERVICES; do
    printf '    %-8s http://localhost:%s   (health: /actuator/health, metrics: /actuator/prometheus)\n' \
        "$service" "$(port_of "$service")"
done
echo "    logs     $LOGS/"
if [[ " $SERVICES " == *" admin "* ]]; then
    echo
    echo "Admin console (development secrets from $SECRETS):"
    echo "    console      http://localhost:$TOLLGATE_ADMIN_PORT/   (sign in with the email and password below)"
    echo "    email        $TOLLGATE_ADMIN_EMAIL"
    echo "    password     $TOLLGATE_ADMIN_PASSWORD   (set only when the first admin is created)"
    echo "    REST API     http://localhost:$TOLLGATE_ADMIN_PORT/api/v1   (OpenAPI: /v3/api-docs)"
    echo "    API token    $TOLLGATE_ADMIN_API_TOKEN"
    echo "    try          curl -s http://localhost:$TOLLGATE_ADMIN_PORT/api/v1/tenants -H 'Authorization: Bearer $TOLLGATE_ADMIN_API_TOKEN'"
    if [[ -s "$DEMO_KEY_FILE" ]]; then
        DEMO_KEY="$(cat "$DEMO_KEY_FILE")"
        rm -f "$DEMO_KEY_FILE" # shown once: Tollgate keeps only its hash
        echo "    demo key     $DEMO_KEY   (shown only this once: save it)"
    else
        echo "    demo key     not shown again: it was printed on the first start of this database"
    fi
fi
if [[ " $SERVICES " == *" gateway "* ]]; then
    echo
    echo "Try it:"
    echo "    curl -s http://localhost:$TOLLGATE_GATEWAY_PORT/v1/chat/completions -H \"Authorization: Bearer ${DEMO_KEY:-\$TOLLGATE_DEMO_KEY}\"" \
        "-H 'Content-Type: application/json' -d '{\"model\":\"mock-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}'"
fi

# --- (g) stay in the foreground until Ctrl-C, SIGTERM or a service dies ------------------------------------------

set +e
wait -n "${PIDS[@]}"
status=$?
for service in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$service]}" 2>/dev/null; then
        wait "${PIDS[$service]}" 2>/dev/null
        unset "PIDS[$service]"
        give_up "$service" "stopped unexpectedly (exit status $status)"
    fi
done
