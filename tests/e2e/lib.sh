# Shared by the end-to-end scripts: a throwaway store served by the real gatehoused on a free port.
#   start_server GATEHOUSED [extra serve flags...]  -> sets BASE, FINGERPRINT, CERT, WORK, SERVER_PID
#   stop_server                                      -> SIGTERM, waits, fails unless the exit status is 0
set -euo pipefail

ADMIN_PASSWORD="plum-orbit-canvas-tide"

die() {
    echo "FAIL: $*" >&2
    [[ -n "${WORK:-}" && -f "$WORK/serve.log" ]] && sed 's/^/  serve: /' "$WORK/serve.log" >&2
    exit 1
}

start_server() {
    local gatehoused="$1"
    shift
    WORK="$(mktemp -d)"
    trap 'kill "${SERVER_PID:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
    GATEHOUSE_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$gatehoused" init --data-dir "$WORK/data" --key-provider file \
        --key-file "$WORK/master.key" --admin-user root >"$WORK/init.log" 2>&1 || die "init failed: $(cat "$WORK/init.log")"
    "$gatehoused" serve --data-dir "$WORK/data" --listen 127.0.0.1:0 "$@" 2>"$WORK/serve.log" &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        grep -q 'event=listening' "$WORK/serve.log" 2>/dev/null && break
        sleep 0.1
    done
    local line
    line="$(grep 'event=listening' "$WORK/serve.log")" || die "the server did not start"
    BASE="$(sed -n 's/.*url=\([^ ]*\).*/\1/p' <<<"$line")"
    FINGERPRINT="$(sed -n 's/.*certificate_sha256=\([^ ]*\).*/\1/p' <<<"$line")"
    CERT="$WORK/data/tls/server.crt"
    HOSTPORT="${BASE#https://}"
    HOSTPORT="${HOSTPORT#http://}"
}

stop_server() {
    kill -TERM "$SERVER_PID"
    local status=0
    wait "$SERVER_PID" || status=$?
    [[ $status -eq 0 ]] || die "gatehoused serve exited with $status after SIGTERM"
    grep -q 'event=stopped' "$WORK/serve.log" || die "no event=stopped line after SIGTERM"
}

# Appends one exchange to the contract log named by GATEHOUSE_CONTRACT_LOG (see tests/support/ContractRecorder.h),
# for tests/contract/validate.mjs; nothing when it is unset. The first call of a script empties the file.
#   record_exchange TEST METHOD TARGET STATUS RESPONSE_CONTENT_TYPE REQUEST_BODY RESPONSE_BODY_FILE
record_exchange() {
    [[ -n "${GATEHOUSE_CONTRACT_LOG:-}" ]] || return 0
    if [[ -z "${CONTRACT_LOG_STARTED:-}" ]]; then
        : >"$GATEHOUSE_CONTRACT_LOG"
        CONTRACT_LOG_STARTED=1
    fi
    python3 - "$@" >>"$GATEHOUSE_CONTRACT_LOG" <<'PY'
import json, sys
test, method, target, status, ctype, request, body_file = sys.argv[1:8]
line = {"test": test, "method": method, "target": target, "status": int(status),
        "request_content_type": "application/json" if request else "", "response_content_type": ctype,
        "streamed": False}
if request:
    line["request_body"] = request
with open(body_file, encoding="utf-8", errors="replace") as f:
    body = f.read()
if body:
    line["response_body"] = body
print(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
PY
}
