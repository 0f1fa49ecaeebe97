#!/usr/bin/env bash
# Starts Gatehouse on a demo data directory (./demo-data), creating the encrypted store on first run.
# The demo keeps its master key in a 0600 key file outside the data directory (./demo-secrets/master.key),
# because a fresh server has no OS keychain (the desktop default is the keychain), and creates the platform
# administrator "admin" with a random password in ./demo-secrets/admin-password.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=build/release/app
data=${GATEHOUSE_DEMO_DIR:-$PWD/demo-data}
secrets=${GATEHOUSE_DEMO_SECRETS:-$PWD/demo-secrets}
key=$secrets/master.key

if [[ ! -x $bin/gatehoused/gatehoused ]]; then
    echo "run-demo: build first: cmake --workflow --preset release" >&2
    exit 1
fi
admin_password=$secrets/admin-password
mkdir -p -m 700 "$secrets"
if [[ ! -f $data/store.json ]]; then
    # A random password for the demo's platform administrator "admin", kept beside the key (mode 0600).
    [[ -f $admin_password ]] || (umask 077 && head -c 18 /dev/urandom | base64 > "$admin_password")
    "$bin/gatehoused/gatehoused" init --data-dir "$data" --key-provider file --key-file "$key" \
        --admin-user admin --admin-password-file "$admin_password"
    echo "The platform administrator is \"admin\"; the password is in $admin_password"
fi
"$bin/gatehoused/gatehoused" status --data-dir "$data"

if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    exec "$bin/gatehouse/gatehouse" --data-dir "$data" --key-file "$key"
fi
echo
echo "No display here, so the desktop console was not started. The headless command is:"
echo "  $bin/gatehoused/gatehoused status --data-dir $data"
