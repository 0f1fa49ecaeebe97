#!/usr/bin/env bash
# Starts Gatehouse on a demo data directory (./demo-data), creating the encrypted store on first run.
# The demo keeps its master key in a 0600 key file outside the data directory (./demo-secrets/master.key),
# because a fresh server has no OS keychain; the desktop default is the keychain.
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
mkdir -p -m 700 "$secrets"
if [[ ! -f $data/store.json ]]; then
    "$bin/gatehoused/gatehoused" init --data-dir "$data" --key-provider file --key-file "$key"
fi
"$bin/gatehoused/gatehoused" status --data-dir "$data"

if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    exec "$bin/gatehouse/gatehouse" --data-dir "$data" --key-file "$key"
fi
echo
echo "No display here, so the desktop console was not started. The headless command is:"
echo "  $bin/gatehoused/gatehoused status --data-dir $data"
