#!/usr/bin/env bash
# The console through the accessibility bus (AT-SPI), as a screen reader reaches it: a demo store, the real
# `gatehouse` under a virtual X server in a private D-Bus session with the accessibility bridge on, and
# atspi_console.py signing in through the fields' accessible names and checking every pane's controls.
#   atspi-console.sh GATEHOUSED GATEHOUSE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
gatehoused=$1
gatehouse=$2
for tool in xvfb-run dbus-run-session; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (bash installer/install-deps.sh)" >&2; exit 1; }
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null ||
    { echo "FAIL: python3-pyatspi is missing (bash installer/install-deps.sh)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 18 /dev/urandom | base64 > "$work/admin-password"
"$gatehoused" init --data-dir "$work/data" --key-provider file --key-file "$work/master.key" \
    --admin-user admin --admin-password-file "$work/admin-password" \
    --demo --demo-events 1000 --demo-credentials "$work/demo-users.txt" > "$work/init.log" 2>&1 ||
    { cat "$work/init.log" >&2; echo "FAIL: the demo store was not made" >&2; exit 1; }

cat > "$work/session.sh" <<SESSION
set -u
export HOME="$work" XDG_CONFIG_HOME="$work/config" QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1
# Under the sanitizers: libxkbcommon-x11 (Debian 12) hands strndup a keymap name that is not NUL-terminated within
# the length it reads when it connects to the X server; strict string checks would stop the console there, in a
# system library, before any of its own code runs. Everything else stays checked.
export ASAN_OPTIONS="\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}strict_string_checks=0"
"$gatehouse" --data-dir "$work/data" --key-file "$work/master.key" --api-listen off > "$work/console.log" 2>&1 &
console=\$!
/usr/bin/python3 "$here/atspi_console.py" "$work/demo-users.txt"
status=\$?
kill \$console 2>/dev/null
wait \$console 2>/dev/null
exit \$status
SESSION
status=0
dbus-run-session -- xvfb-run -a -s "-screen 0 1440x900x24" bash "$work/session.sh" 2> "$work/session.err" || status=$?
if [[ $status -ne 0 ]]; then
    grep -v -e 'Failed to set fd limit' -e 'Activating service' -e 'Successfully activated' "$work/session.err" >&2 || true
    sed 's/^/  console: /' "$work/console.log" >&2
fi
exit $status
