#!/usr/bin/env bash
# Renders every pane of the console, light and dark, to docs/screenshots/*.png, on a fresh demo store, under a
# virtual X server (xvfb-run). Run from a release build: bash tests/gui/screenshots.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
gatehoused=$build/app/gatehoused/gatehoused
shots=$build/tests/console-screenshots
for b in "$gatehoused" "$shots"; do
    [[ -x $b ]] || { echo "screenshots: build first ($b is missing)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 18 /dev/urandom | base64 > "$work/admin-password"
"$gatehoused" init --data-dir "$work/data" --key-provider file --key-file "$work/master.key" \
    --admin-user admin --admin-password-file "$work/admin-password" \
    --demo --demo-events "${GATEHOUSE_SCREENSHOT_EVENTS:-5000}" --demo-credentials "$work/demo-users.txt" >/dev/null
# A Tenant Owner of the demo, who sees a tenant's people, roles and secrets (with the second factor if enrolled).
read -r tenant user password secret < <(awk '$3 == "Tenant" && $4 == "Owner" { print $1, $2, $6, $7; exit }' \
    "$work/demo-users.txt")
printf '%s' "$password" > "$work/owner-password"
totp=()
[[ $secret != - ]] && totp=(--totp-secret "$secret")
mkdir -p docs/screenshots
for theme in light dark; do
    # A TOTP code is accepted once: the second sign-in waits for the next one.
    [[ $theme == dark && ${#totp[@]} -gt 0 ]] && sleep $((31 - $(date +%s) % 30))
    # A fixed settings file per run, so no window layout from the desktop leaks into the pictures.
    XDG_CONFIG_HOME=$work/config-$theme xvfb-run -a -s "-screen 0 1400x900x24 -dpi 96" \
        "$shots" --data-dir "$work/data" --key-file "$work/master.key" --password-file "$work/owner-password" \
        --tenant "$tenant" --user "$user" "${totp[@]}" --out docs/screenshots --theme "$theme"
    # The trust boundaries are a platform view: shown as the platform administrator.
    XDG_CONFIG_HOME=$work/config-admin-$theme xvfb-run -a -s "-screen 0 1400x900x24 -dpi 96" \
        "$shots" --data-dir "$work/data" --key-file "$work/master.key" --password-file "$work/admin-password" \
        --user admin --out docs/screenshots --theme "$theme" --only trust-boundaries
done
