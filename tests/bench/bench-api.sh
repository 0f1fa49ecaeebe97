#!/usr/bin/env bash
# HTTPS API throughput beside nginx, in the same run on the same machine with the same certificate:
#   1. /healthz on keep-alive connections,
#   2. an authenticated small GET (/api/v1/auth/whoami: session check, authorization, audit record),
#      and a change (PUT of a secret's value: a new sealed version and its audit record, synced), Gatehouse only,
#   3. new TLS connections per second (every request on a fresh connection).
# nginx (one worker) serves the same JSON bodies as static files. Prints requests/s, p50/p99 latency, each
# server's CPU time per request (user + system of the gatehoused process and of nginx's worker, from
# /proc/<pid>/stat, over the run, divided by the requests answered) and the ratio Gatehouse / nginx.
# Usage: tests/bench/bench-api.sh [build/release/app/gatehoused/gatehoused]
# Needs wrk and nginx (installer/install-deps.sh installs them). A figure, never a pass/fail.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
gatehoused="${1:-$root/build/release/app/gatehoused/gatehoused}"
seconds="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "bench-api: needs wrk and nginx" >&2; exit 2; }

work="$(mktemp -d)"
cleanup() {
    [[ -n "${gh_pid:-}" ]] && kill "$gh_pid" 2>/dev/null || true
    [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
password="plum-orbit-canvas-tide"

GATEHOUSE_ADMIN_PASSWORD="$password" "$gatehoused" init --data-dir "$work/data" --key-provider file \
    --key-file "$work/master.key" --admin-user root >/dev/null
# Rate limits and the access log are off for the measurement; everything else is the default.
echo '{"access_log": false, "rate_limits": {"per_address": 0, "per_token": 0}}' >"$work/bench.json"
"$gatehoused" serve --data-dir "$work/data" --listen 127.0.0.1:0 --config "$work/bench.json" 2>"$work/serve.log" &
gh_pid=$!
for _ in $(seq 1 100); do grep -q event=listening "$work/serve.log" && break; sleep 0.1; done
gh="$(sed -n 's/.*url=\([^ ]*\).*/\1/p' "$work/serve.log")"
token="$(curl -sk "$gh/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"root\",\"password\":\"$password\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
whoami="$(curl -sk "$gh/api/v1/auth/whoami" -H "Authorization: Bearer $token")"
# For the mutation: a tenant, its owner's session, a workspace and a secret whose value each request replaces.
json() { curl -sk "$@" -H 'Content-Type: application/json'; }
tenant="$(json "$gh/api/v1/tenants" -H "Authorization: Bearer $token" -d "{\"name\":\"bench\",\"display_name\":\"Bench\",\"owner_username\":\"owner\",\"owner_password\":\"$password\"}" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)"
owner="$(json "$gh/api/v1/auth/login" -d "{\"tenant\":\"bench\",\"username\":\"owner\",\"password\":\"$password\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
workspace="$(json "$gh/api/v1/tenants/$tenant/workspaces" -H "Authorization: Bearer $owner" -d '{"name":"prod","display_name":"Prod"}' | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -1)"
json "$gh/api/v1/tenants/$tenant/workspaces/$workspace/secrets" -H "Authorization: Bearer $owner" -d '{"name":"db","value":"v0"}' >/dev/null
cat >"$work/put.lua" <<'LUA'
wrk.method = "PUT"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"value":"bench-value-0123456789"}'
LUA

# nginx: one worker, the same certificate and key, TLS 1.2/1.3 with the same kind of suites, keep-alive.
mkdir -p "$work/www/api/v1/auth" "$work/nginx"
printf '{"status":"ok"}' >"$work/www/healthz"
printf '%s' "$whoami" >"$work/www/api/v1/auth/whoami"
port=$((20000 + RANDOM % 20000))
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $work/data/tls/server.crt;
        ssl_certificate_key $work/data/tls/server.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_ciphers ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256;
        ssl_session_tickets off;
        root $work/www;
        default_type application/json;
        add_header Cache-Control no-store;
    }
}
CONF
nginx -c "$work/nginx.conf"
ng="https://127.0.0.1:$port"
sleep 0.3

# CPU time (user + system) a process has used so far, in microseconds, from /proc/<pid>/stat.
cpu_us() {
    local ticks
    ticks="$(sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}')"
    echo $((ticks * 1000000 / $(getconf CLK_TCK)))
}
run() { # PID URL [wrk args...] -> "rps p50 p99 non2xx cpu-us-per-request" (CPU of the server process PID)
    local pid="$1" url="$2"
    shift 2
    local before after
    before="$(cpu_us "$pid")"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url" >"$work/wrk.txt" 2>&1
    after="$(cpu_us "$pid")"
    local rps p50 p99 non2xx requests
    rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")"
    p50="$(awk '$1=="50%" {print $2}' "$work/wrk.txt")"
    p99="$(awk '$1=="99%" {print $2}' "$work/wrk.txt")"
    non2xx="$(awk '/Non-2xx/ {print $5}' "$work/wrk.txt")"
    requests="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
    echo "$rps $p50 $p99 ${non2xx:-0} $(awk -v c=$((after - before)) -v n="$requests" 'BEGIN { printf "%.1f", c / n }')"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
report() { # NAME gatehouse-figures nginx-figures
    read -r grps gp50 gp99 gbad gcpu <<<"$2"
    read -r nrps np50 np99 nbad ncpu <<<"$3"
    printf '%-34s gatehouse %9.0f req/s p50 %-8s p99 %-8s cpu %5s us/req | nginx %9.0f req/s p50 %-8s p99 %-8s cpu %5s us/req | ratio %s%s\n' \
        "$1" "$grps" "$gp50" "$gp99" "$gcpu" "$nrps" "$np50" "$np99" "$ncpu" "$(ratio "$grps" "$nrps")" \
        "$([[ "$gbad" != 0 ]] && echo " (gatehouse non-2xx: $gbad)")"
}

echo "bench-api: $(nproc) cores, wrk -t2 -c$connections -d${seconds}s, $(nginx -v 2>&1 | tr -d '\n')"
# The server's CPU per request: the gatehoused process; nginx's one worker.
ng_pid="$(pgrep -P "$(cat "$work/nginx.pid")" | head -1)"
report "GET /healthz (keep-alive)" "$(run "$gh_pid" "$gh/healthz")" "$(run "$ng_pid" "$ng/healthz")"
report "GET /api/v1/auth/whoami (bearer)" \
    "$(run "$gh_pid" "$gh/api/v1/auth/whoami" -H "Authorization: Bearer $token")" \
    "$(run "$ng_pid" "$ng/api/v1/auth/whoami" -H "Authorization: Bearer $token")"
# A change: a new version of a secret (sealed with the tenant key, committed with its audit record and a sync). nginx
# has nothing to compare it with; the figure stands alone.
read -r mrps mp50 mp99 mbad mcpu <<<"$(run "$gh_pid" "$gh/api/v1/tenants/$tenant/workspaces/$workspace/secrets/db" \
    -H "Authorization: Bearer $owner" -s "$work/put.lua")"
printf '%-34s gatehouse %9.0f req/s p50 %-8s p99 %-8s cpu %5s us/req%s\n' "PUT .../secrets/db (new version)" \
    "$mrps" "$mp50" "$mp99" "$mcpu" "$([[ "$mbad" != 0 ]] && echo " (non-2xx: $mbad)")"
report "new TLS connection per request" "$(run "$gh_pid" "$gh/healthz" -H 'Connection: close')" \
    "$(run "$ng_pid" "$ng/healthz" -H 'Connection: close')"
