#!/usr/bin/env bash
# The console benchmark (docs/performance.md): makes a demo store in a throwaway directory with
# `gatehoused init --demo` and runs bench_console on it under a virtual X server, signed in as the demo's first
# Tenant Owner. Run from a release build:
#   bash tests/bench/bench-console.sh [--build DIR] [--events N] [bench_console options: --users N --secrets N ...]
# --events: the demo's audit events (default 100000; a smaller number for a quick run).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/release
events=100000
while [[ $# -gt 0 ]]; do
    case $1 in
        --build) build=$2; shift 2 ;;
        --events) events=$2; shift 2 ;;
        *) break ;;
    esac
done
gatehoused=$build/app/gatehoused/gatehoused
bench=$build/tests/bench_console
for b in "$gatehoused" "$bench"; do
    [[ -x $b ]] || { echo "bench-console: build first ($b is missing)" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "bench-console: needs xvfb-run (Debian: xvfb)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 18 /dev/urandom | base64 > "$work/admin-password"
SECONDS=0
"$gatehoused" init --data-dir "$work/data" --key-provider file --key-file "$work/master.key" \
    --admin-user admin --admin-password-file "$work/admin-password" \
    --demo --demo-events "$events" --demo-credentials "$work/demo-users.txt" >/dev/null
echo "demo store with $events audit events made in ${SECONDS} s"
read -r tenant user password secret < <(awk '$3 == "Tenant" && $4 == "Owner" { print $1, $2, $6, $7; exit }' \
    "$work/demo-users.txt")
printf '%s' "$password" > "$work/owner-password"
totp=()
[[ $secret != - ]] && totp=(--totp-secret "$secret")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# A settings file of its own, so no window layout or theme from the desktop changes what is measured.
XDG_CONFIG_HOME=$work/config xvfb-run -a -s "-screen 0 1400x900x24 -dpi 96" \
    "$bench" --data-dir "$work/data" --key-file "$work/master.key" --password-file "$work/owner-password" \
    --tenant "$tenant" --user "$user" "${totp[@]}" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
