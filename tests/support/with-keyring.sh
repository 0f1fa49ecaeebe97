#!/bin/sh
# Runs a command in a D-Bus session of its own, with a real gnome-keyring Secret Service unlocked in a
# throwaway HOME, so keychain tests never touch the user's own keyring. Exits with the command's status.
set -eu
exec dbus-run-session -- sh -c '
    home=$(mktemp -d)
    export HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/share" XDG_CONFIG_HOME="$home/config"
    mkdir -m 700 "$XDG_RUNTIME_DIR"
    printf %s gatehouse-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    status=0
    "$@" || status=$?
    rm -rf "$home"
    exit $status
' with-keyring "$@"
