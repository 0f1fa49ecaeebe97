#!/usr/bin/env bash
# Mutual TLS against the real gatehoused serve --client-ca: clients without a certificate from that CA are refused
# in the handshake, and an integration bound to one client certificate authenticates with it only.
# Usage: mtls-e2e.sh PATH/TO/gatehoused
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
pki="$(mktemp -d)"
trap 'rm -rf "$pki"' RETURN
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=clients-ca -days 2 \
    -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
for who in a b; do
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=robot-$who" \
        -keyout "$pki/$who.key" -out "$pki/$who.csr" 2>/dev/null
    openssl x509 -req -in "$pki/$who.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 2 \
        -extfile <(printf 'extendedKeyUsage=clientAuth\n') -out "$pki/$who.crt" 2>/dev/null
done
start_server "$1" --client-ca "$pki/ca.crt"
CURL=(curl -sS --cacert "$CERT" --max-time 10)
as() { # WHO METHOD PATH [TOKEN] [JSON] -> $STATUS, $BODY
    local who="$1" args=(-X "$2" -o "$WORK/body" -w '%{http_code}' "$BASE$3")
    [[ -n "${4:-}" ]] && args+=(-H "Authorization: Bearer $4")
    [[ -n "${5:-}" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$5")
    STATUS="$("${CURL[@]}" --cert "$pki/$who.crt" --key "$pki/$who.key" "${args[@]}")"
    BODY="$(cat "$WORK/body")"
}
field() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval("d"+sys.argv[2]))' "$BODY" "$1"; }

# No client certificate: refused during the handshake.
if "${CURL[@]}" -o /dev/null "$BASE/healthz" 2>/dev/null; then die "a client without a certificate was served"; fi
as a GET /healthz; [[ $STATUS == 200 ]] || die "client certificate a refused: $STATUS"

as a POST /api/v1/auth/login "" "{\"username\":\"root\",\"password\":\"$ADMIN_PASSWORD\"}"; [[ $STATUS == 200 ]] || die "login $STATUS"
ROOT="$(field '["token"]')"
as a POST /api/v1/tenants "$ROOT" "{\"name\":\"acme\",\"display_name\":\"Acme\",\"owner_username\":\"olivia\",\"owner_password\":\"$ADMIN_PASSWORD\"}"
TENANT="$(field '["id"]')"
as a POST /api/v1/auth/login "" "{\"tenant\":\"acme\",\"username\":\"olivia\",\"password\":\"$ADMIN_PASSWORD\"}"
OWNER="$(field '["token"]')"
as a POST "/api/v1/tenants/$TENANT/integrations" "$OWNER" '{"name":"deployer","description":"CI"}'
[[ $STATUS == 201 ]] || die "create integration $STATUS: $BODY"
INTEGRATION="$(field '["id"]')"
as a POST "/api/v1/tenants/$TENANT/integrations/$INTEGRATION/tokens" "$OWNER" '{}'
ROBOT="$(field '["secret"]')"
FP_A="$(openssl x509 -in "$pki/a.crt" -noout -fingerprint -sha256 | cut -d= -f2)"
as a PUT "/api/v1/tenants/$TENANT/integrations/$INTEGRATION/certificate" "$OWNER" "{\"sha256\":\"$FP_A\"}"
[[ $STATUS == 200 ]] || die "bind certificate $STATUS: $BODY"
[[ "$(field '["client_certificate_sha256"]')" == "$(tr -d : <<<"${FP_A,,}")" ]] || die "bound fingerprint: $BODY"

as a GET /api/v1/auth/whoami "$ROBOT"; [[ $STATUS == 200 ]] || die "bound token over its certificate: $STATUS $BODY"
as b GET /api/v1/auth/whoami "$ROBOT"; [[ $STATUS == 401 ]] || die "bound token over another certificate: $STATUS"
as a GET "/api/v1/tenants/$TENANT/audit/events?action=auth.whoami&outcome=denied" "$OWNER"
[[ "$(field '["items"][0]["reason"]')" == "certificate_mismatch" ]] || die "the refusal's reason: $BODY"
as a DELETE "/api/v1/tenants/$TENANT/integrations/$INTEGRATION/certificate" "$OWNER"; [[ $STATUS == 200 ]] || die "unbind $STATUS"
as b GET /api/v1/auth/whoami "$ROBOT"; [[ $STATUS == 200 ]] || die "unbound token over certificate b: $STATUS"

stop_server
echo "mutual TLS end to end: ok"
