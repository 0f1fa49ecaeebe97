#!/usr/bin/env bash
# Starts Gatehouse on a demo data directory (./demo-data): on first run, creates the encrypted store and fills
# it through the control plane with the demo (3 tenants, people in every role, integrations, secrets, about
# 100,000 audit events over 30 days); then opens the desktop console on it when a display is present (it serves
# the HTTPS API in-process), or serves the HTTPS API headless in the foreground (Ctrl-C stops it cleanly).
# GATEHOUSE_DEMO_HEADLESS=1 serves headless even with a display.
# The master key is a 0600 key file outside the data directory (./demo-secrets/master.key), because a fresh
# server has no OS keychain; the platform administrator is "admin" with a random password in
# ./demo-secrets/admin-password; every demo account's credentials are in ./demo-secrets/demo-users.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=build/release/app
data=${GATEHOUSE_DEMO_DIR:-$PWD/demo-data}
secrets=${GATEHOUSE_DEMO_SECRETS:-$PWD/demo-secrets}
listen=${GATEHOUSE_DEMO_LISTEN:-127.0.0.1:8443}
events=${GATEHOUSE_DEMO_EVENTS:-100000}
key=$secrets/master.key
gatehoused=$bin/gatehoused/gatehoused

if [[ ! -x $gatehoused ]]; then
    echo "run-demo: build first: cmake --workflow --preset release" >&2
    exit 1
fi
admin_password=$secrets/admin-password
mkdir -p -m 700 "$secrets"
if [[ ! -f $data/store.json ]]; then
    # A random password for the demo's platform administrator "admin", kept beside the key (mode 0600).
    [[ -f $admin_password ]] || (umask 077 && head -c 18 /dev/urandom | base64 > "$admin_password")
    rm -f "$secrets/demo-users.txt" # belongs to an earlier demo store
    "$gatehoused" init --data-dir "$data" --key-provider file --key-file "$key" \
        --admin-user admin --admin-password-file "$admin_password" \
        --demo --demo-events "$events" --demo-credentials "$secrets/demo-users.txt"
fi
"$gatehoused" status --data-dir "$data"

fingerprint=$(openssl x509 -in "$data/tls/server.crt" -noout -fingerprint -sha256 | cut -d= -f2)
url="https://$listen"
cat <<INFO

Serving the demo at $url
  certificate SHA-256 fingerprint: $fingerprint
  (pin it, or give curl the certificate itself: --cacert $data/tls/server.crt)
Sign in as the platform administrator:
  curl --cacert $data/tls/server.crt $url/api/v1/auth/login -H 'Content-Type: application/json' \\
       -d "{\"username\":\"admin\",\"password\":\"\$(cat $admin_password)\"}"
  then send the token as: -H "Authorization: Bearer <token>", e.g. $url/api/v1/tenants
Tenant accounts (with their tenant, password, TOTP secret and integration tokens): $secrets/demo-users.txt
API reference: $url/api/v1/openapi.json and docs/api.md
INFO
echo
if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} && ${GATEHOUSE_DEMO_HEADLESS:-0} != 1 ]]; then
    # A display: the desktop console on the demo store; it serves the same HTTPS API in-process while it runs.
    echo "Opening the desktop console (sign in as admin with the password in $admin_password)."
    exec "$bin/gatehouse/gatehouse" --data-dir "$data" --key-file "$key" --api-listen "$listen"
fi
exec "$gatehoused" serve --data-dir "$data" --listen "$listen"
