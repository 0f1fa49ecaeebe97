#!/usr/bin/env bash
# End to end with curl against the real gatehoused serve, trusting only the generated certificate (and pinning
# its public key): login, tenant and user creation, role binding, secret create and reveal, audit query, and
# the Server-Sent Events stream receiving a new event; SIGTERM then stops the server cleanly.
# Usage: curl-e2e.sh PATH/TO/gatehoused
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
start_server "$1"

# The certificate's fingerprint as `openssl x509` prints it is what serve logged.
[[ "$(openssl x509 -in "$CERT" -noout -fingerprint -sha256 | cut -d= -f2)" == "$FINGERPRINT" ]] ||
    die "logged fingerprint differs from the certificate's"
PIN="sha256//$(openssl x509 -in "$CERT" -noout -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64)"
CURL=(curl -sS --cacert "$CERT" --pinnedpubkey "$PIN" --max-time 10)

call() { # METHOD PATH [TOKEN] [JSON] -> body in $BODY, status in $STATUS
    local args=(-X "$1" -o "$WORK/body" -w '%{http_code} %{content_type}' "$BASE$2")
    [[ -n "${3:-}" ]] && args+=(-H "Authorization: Bearer $3")
    [[ -n "${4:-}" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$4")
    local out
    out="$("${CURL[@]}" "${args[@]}")"
    STATUS="${out%% *}"
    BODY="$(cat "$WORK/body")"
    record_exchange "CurlEndToEnd" "$1" "$2" "$STATUS" "${out#* }" "${4:-}" "$WORK/body"
}
expect() { # STATUS
    [[ "$STATUS" == "$1" ]] || die "$2: expected $1, got $STATUS: $BODY"
}
field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval("d"+sys.argv[2]))' "$BODY" "$1"; }

# A client that trusts the system store only must refuse the self-signed certificate.
if curl -sS --max-time 5 "$BASE/healthz" >/dev/null 2>&1; then die "an unpinned client accepted the certificate"; fi

call GET /healthz; expect 200 healthz
call POST /api/v1/auth/login "" "{\"username\":\"root\",\"password\":\"$ADMIN_PASSWORD\"}"; expect 200 "platform login"
ROOT="$(field '["token"]')"
call POST /api/v1/tenants "$ROOT" "{\"name\":\"acme\",\"display_name\":\"Acme\",\"owner_username\":\"olivia\",\"owner_password\":\"$ADMIN_PASSWORD\"}"
expect 201 "create tenant"
TENANT="$(field '["id"]')"
call POST /api/v1/auth/login "" "{\"tenant\":\"acme\",\"username\":\"olivia\",\"password\":\"$ADMIN_PASSWORD\"}"; expect 200 "owner login"
OWNER="$(field '["token"]')"
call POST "/api/v1/tenants/$TENANT/workspaces" "$OWNER" '{"name":"prod","display_name":"Production"}'; expect 201 "create workspace"
WS="$(field '["id"]')"
call POST "/api/v1/tenants/$TENANT/users" "$OWNER" "{\"username\":\"dev\",\"display_name\":\"Dev\",\"email\":\"dev@acme.test\",\"password\":\"$ADMIN_PASSWORD\"}"
expect 201 "create user"
DEV="$(field '["id"]')"
call GET "/api/v1/tenants/$TENANT/roles" "$OWNER"; expect 200 "list roles"
ROLE="$(python3 -c 'import json,sys; print([r["id"] for r in json.loads(sys.argv[1])["items"] if r["name"] == "Secrets Manager"][0])' "$BODY")"
call POST "/api/v1/tenants/$TENANT/bindings" "$OWNER" "{\"identity_kind\":\"user\",\"identity_id\":\"$DEV\",\"role_id\":\"$ROLE\",\"workspace_id\":\"$WS\"}"
expect 201 "bind role"
call POST "/api/v1/tenants/$TENANT/workspaces/$WS/secrets" "$OWNER" '{"name":"db/prod/password","value":"e2e-canary-8c1f","description":"database","tags":["db"]}'
expect 201 "create secret"
call POST "/api/v1/tenants/$TENANT/workspaces/$WS/secrets/db%2Fprod%2Fpassword/reveal" "$OWNER" '{"reason":"e2e check"}'
expect 200 "reveal secret"
[[ "$(field '["value"]')" == "e2e-canary-8c1f" ]] || die "revealed value differs"
call GET "/api/v1/tenants/$TENANT/audit/events?action=secret.reveal" "$OWNER"; expect 200 "audit query"
[[ "$(field '["items"][0]["details"]["reason"]')" == "e2e check" ]] || die "the reveal's audit event lacks its reason: $BODY"
grep -q 'e2e-canary-8c1f' <<<"$BODY" && die "the secret value appears in the audit trail"

# The stream: history after the newest event, then a new event arrives live.
call GET "/api/v1/tenants/$TENANT/audit/events?limit=1" "$OWNER"
LAST="$(field '["items"][0]["seq"]')"
"${CURL[@]}" -N --max-time 6 -H "Authorization: Bearer $OWNER" -H "Last-Event-ID: $LAST" \
    "$BASE/api/v1/tenants/$TENANT/audit/stream" >"$WORK/sse" 2>/dev/null &
SSE=$!
sleep 1
call POST "/api/v1/tenants/$TENANT/workspaces" "$OWNER" '{"name":"live","display_name":"Live"}'; expect 201 "create workspace during the stream"
for _ in $(seq 1 40); do grep -q '"action":"workspace.create"' "$WORK/sse" && break; sleep 0.1; done
grep -q '"action":"workspace.create"' "$WORK/sse" || die "the stream did not deliver the new event"
kill "$SSE" 2>/dev/null || true

# Another tenant's objects do not exist; no token is 401; the problem type is stable.
call GET "/api/v1/tenants/$TENANT/users" ""; expect 401 "no token"
[[ "$(field '["type"]')" == "urn:gatehouse:problem:unauthenticated" ]] || die "problem type"
call POST /api/v1/tenants "$ROOT" "{\"name\":\"blue\",\"display_name\":\"Blue\",\"owner_username\":\"bo\",\"owner_password\":\"$ADMIN_PASSWORD\"}"
expect 201 "second tenant"
BLUE="$(field '["id"]')"
call GET "/api/v1/tenants/$BLUE/users" "$OWNER"; expect 404 "another tenant's users"

# Bad bodies: malformed JSON and JSON nested past the limit are 400, another media type is 415.
call POST /api/v1/auth/login "" '{"username": "root", "password": '; expect 400 "malformed JSON"
[[ "$(field '["type"]')" == "urn:gatehouse:problem:invalid-request" ]] || die "malformed JSON: problem type"
deep="$(python3 -c 'print("{\"a\":" * 40 + "1" + "}" * 40)')"
call POST "/api/v1/tenants/$TENANT/workspaces" "$OWNER" "$deep"; expect 400 "JSON nested 40 deep"
grep -q 'deeper than 32' <<<"$BODY" || die "the depth limit is not named: $BODY"
code="$("${CURL[@]}" -o "$WORK/body" -w '%{http_code}' -H 'Content-Type: text/plain' --data-binary 'name=x' \
    -H "Authorization: Bearer $OWNER" "$BASE/api/v1/tenants/$TENANT/workspaces")"
[[ "$code" == 415 ]] || die "text/plain body answered $code"
# A body above 1 MiB is refused before it is read (413), and the connection is closed.
head -c 1100000 /dev/zero | tr '\0' 'a' >"$WORK/big"
code="$("${CURL[@]}" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$WORK/big" \
    "$BASE/api/v1/auth/login")"
[[ "$code" == 413 ]] || die "a 1.1 MB body answered $code"

# HEAD: answered for the anonymous documents, refused (405, Allow: GET) where a GET would stream or subscribe.
[[ "$("${CURL[@]}" -I -o /dev/null -w '%{http_code}' "$BASE/healthz")" == 200 ]] || die "HEAD /healthz"
for path in /api/v1/audit/export /api/v1/audit/stream "/api/v1/tenants/$TENANT/audit/stream"; do
    code="$("${CURL[@]}" -I -o "$WORK/head" -w '%{http_code}' -H "Authorization: Bearer $ROOT" "$BASE$path")"
    [[ "$code" == 405 ]] || die "HEAD $path answered $code"
    grep -qi '^allow: GET' "$WORK/head" || die "HEAD $path: no Allow: GET"
done
call GET /metrics "$ROOT"; expect 200 metrics
grep -q '^gatehouse_audit_followers 0$' <<<"$BODY" || die "a follower was left behind: $(grep followers <<<"$BODY")"

# SIGHUP: new connections get a new certificate; a broken pair is refused and the one in use stays.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost -days 2 \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$WORK/new.key" -out "$WORK/new.crt" 2>/dev/null
install -m 600 "$WORK/new.key" "$WORK/data/tls/server.key"
cp "$WORK/new.crt" "$WORK/data/tls/server.crt"
kill -HUP "$SERVER_PID"
for _ in $(seq 1 50); do grep -q event=certificate_reloaded "$WORK/serve.log" && break; sleep 0.1; done
grep -q "event=certificate_reloaded certificate_sha256=$(openssl x509 -in "$WORK/new.crt" -noout -fingerprint -sha256 | cut -d= -f2)" \
    "$WORK/serve.log" || die "SIGHUP did not load the new certificate"
[[ "$(curl -sS --cacert "$WORK/new.crt" -o /dev/null -w '%{http_code}' "$BASE/healthz")" == 200 ]] || die "new certificate not served"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/other.key" 2>/dev/null
install -m 600 "$WORK/other.key" "$WORK/data/tls/server.key"
kill -HUP "$SERVER_PID"
for _ in $(seq 1 50); do grep -q event=certificate_reload_failed "$WORK/serve.log" && break; sleep 0.1; done
grep -q event=certificate_reload_failed "$WORK/serve.log" || die "a key of another certificate was not refused"
[[ "$(curl -sS --cacert "$WORK/new.crt" -o /dev/null -w '%{http_code}' "$BASE/healthz")" == 200 ]] || die "the certificate in use was dropped"

stop_server
echo "curl end to end: ok"
