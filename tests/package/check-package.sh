#!/usr/bin/env bash
# Makes the Debian package (and the tarball) from a release build and checks it as a Debian administrator would:
# lintian (no errors; every warning justified in lintian-warnings.txt), desktop-file-validate, appstreamcli,
# the man pages with `man --warnings` (and against --help), systemd-analyze verify and its exposure score (printed;
# at most 2.0), then installs it with dpkg, runs the service's own ExecStartPre and ExecStart lines by hand as the
# user gatehouse against a temporary state directory, reaches /healthz over TLS pinned to the certificate, reloads,
# stops, and purges it: twice, to see that the data is kept unless GATEHOUSE_PURGE_DATA=yes asks otherwise.
#
# CI runs as root on a machine where systemd is not PID 1, so `systemctl start` cannot be used: the script plays
# systemd's part where it can: the user, the state directory, the umask, the environment, the notify socket, no new
# privileges, no capabilities, MemoryDenyWriteExecute through the kernel's PR_SET_MDWE, and ProtectSystem=strict,
# ProtectHome and PrivateTmp in a mount namespace of its own. The rest of the sandbox (the other namespaces, the
# system call filter, the kernel protections) needs systemd: systemd-analyze checks those settings.
#
# Usage: tests/package/check-package.sh [BUILD_DIR]   (default build/release; run by tests/run-suite.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
build=$(realpath "${1:-build/release}")
here=$root/tests/package
max_exposure=2.0

step() { echo "== package: $*"; }
fail() {
    echo "check-package: FAIL: $*" >&2
    exit 1
}

if [[ $(id -u) -ne 0 ]]; then
    fail "the install test needs root (dpkg -i, a system user): run it as root, as CI does"
fi
for tool in cpack lintian desktop-file-validate appstreamcli systemd-analyze dpkg-deb curl openssl python3 setpriv; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run installer/install-deps.sh"
done

work=$(mktemp -d /tmp/gatehouse-package.XXXXXX)
chmod 755 "$work"
# What the service sees when run by hand (its state directory, the notify socket) is outside /tmp and /var/tmp,
# which its PrivateTmp= replaces with empty ones.
svc=$(mktemp -d /run/gatehouse-service.XXXXXX)
chmod 755 "$svc"
installed_by_us=0
state_dir_made_by_us=0
server_pid=""
listener_pid=""
cleanup() {
    [[ -n $server_pid ]] && kill -KILL "$server_pid" 2>/dev/null || true
    [[ -n $listener_pid ]] && kill "$listener_pid" 2>/dev/null || true
    if ((installed_by_us)) && dpkg-query -W -f='${Status}' gatehouse 2>/dev/null | grep -q installed; then
        if ((state_dir_made_by_us)); then
            GATEHOUSE_PURGE_DATA=yes dpkg --purge gatehouse >/dev/null 2>&1 || true
        else
            dpkg --purge gatehouse >/dev/null 2>&1 || true
        fi
    fi
    ((state_dir_made_by_us)) && rm -rf /var/lib/gatehouse
    rm -rf "$work" "$svc"
}
trap cleanup EXIT

# --- The package ------------------------------------------------------------------------------------------------
step "cpack: DEB and TGZ from $build"
rm -f "$build"/gatehouse_*.deb "$build"/gatehouse-*.tar.gz
cmake --build "$build" >"$work/build.log" 2>&1 || {
    cat "$work/build.log"
    fail "the build is not complete"
}
(cd "$build" && cpack -G "DEB;TGZ" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"
    fail "cpack failed"
}
deb=$(ls "$build"/gatehouse_*_"$(dpkg --print-architecture)".deb)
tgz=$(ls "$build"/gatehouse-*.tar.gz)
version=$(dpkg-deb -f "$deb" Version)
echo "$deb ($(du -h "$deb" | cut -f1)), $tgz"
dpkg-deb -x "$deb" "$work/tree"
dpkg-deb -e "$deb" "$work/control"

step "contents"
for f in usr/bin/gatehouse usr/bin/gatehoused lib/systemd/system/gatehoused.service etc/gatehouse/gatehoused.conf \
    usr/lib/sysusers.d/gatehouse.conf usr/share/applications/io.github.gatehouse.Gatehouse.desktop \
    usr/share/metainfo/io.github.gatehouse.Gatehouse.metainfo.xml usr/share/icons/hicolor/scalable/apps/gatehouse.svg \
    usr/share/man/man1/gatehouse.1.gz usr/share/man/man8/gatehoused.8.gz \
    usr/share/bash-completion/completions/gatehoused usr/share/doc/gatehouse/copyright \
    usr/share/doc/gatehouse/changelog.gz; do
    [[ -f $work/tree/$f ]] || fail "the package lacks /$f"
done
for size in 16 22 24 32 48 64 128 256; do
    png=$work/tree/usr/share/icons/hicolor/${size}x${size}/apps/gatehouse.png
    [[ -f $png ]] || fail "the package lacks the ${size}x${size} icon"
    read -r w h < <(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print(*struct.unpack(">II", d[16:24]))' "$png")
    [[ $w == "$size" && $h == "$size" ]] || fail "the ${size}x${size} icon is ${w}x${h}"
done
grep -qx /etc/gatehouse/gatehoused.conf "$work/control/conffiles" || fail "gatehoused.conf is not a conffile"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6core6 libqt6widgets6 libsqlcipher0 libsystemd0 libssl3; do
    [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: shlibdeps did not run, or gatehoused lacks libsystemd"
done
tar -tzf "$tgz" >"$work/tgz.list"
for f in usr/bin/gatehoused etc/gatehouse/gatehoused.conf lib/systemd/system/gatehoused.service; do
    grep -q "/$f\$" "$work/tgz.list" || fail "the tarball lacks $f"
done

step "lintian"
lintian --tag-display-limit 0 "$deb" >"$work/lintian.txt" 2>&1 || true
cat "$work/lintian.txt"
if grep -q '^E: ' "$work/lintian.txt"; then
    fail "lintian reports errors"
fi
unexplained=$({ grep '^W: ' "$work/lintian.txt" || true; } | awk '{ print $3 }' | sort -u |
    while read -r tag; do grep -q "^$tag " "$here/lintian-warnings.txt" || echo "$tag"; done)
[[ -z $unexplained ]] || fail "lintian warnings not justified in tests/package/lintian-warnings.txt: $unexplained"
echo "lintian: no errors; $(grep -c '^W: ' "$work/lintian.txt" || true) warnings, each justified"

step "desktop entry and AppStream metadata"
desktop-file-validate "$work/tree/usr/share/applications/io.github.gatehouse.Gatehouse.desktop"
appstreamcli validate --no-net --pedantic "$work/tree/usr/share/metainfo/io.github.gatehouse.Gatehouse.metainfo.xml"
# The console names its desktop entry (QGuiApplication::desktopFileName, a UTF-16 literal), so that Wayland shells
# match its windows to the entry and its icon.
strings -el "$work/tree/usr/bin/gatehouse" | grep -x io.github.gatehouse.Gatehouse >/dev/null ||
    fail "gatehouse does not name its desktop entry io.github.gatehouse.Gatehouse (setDesktopFileName)"
grep -o 'docs/screenshots/[a-z-]*\.png' "$work/tree/usr/share/metainfo/io.github.gatehouse.Gatehouse.metainfo.xml" |
    while read -r shot; do [[ -f $root/$shot ]] || fail "the metainfo names $shot, which is not in the repository"; done

step "man pages"
for page in usr/share/man/man1/gatehouse.1.gz usr/share/man/man8/gatehoused.8.gz; do
    MANWIDTH=80 man --warnings -l "$work/tree/$page" >"$work/man.txt" 2>"$work/man.err"
    [[ ! -s $work/man.err ]] || {
        cat "$work/man.err"
        fail "man --warnings complains about /$page"
    }
done
# Every option the programs list must be in their page (the page is written by hand beside the code).
check_options() { # HELP_OUTPUT MAN_SOURCE
    local missing="" option
    for option in $(grep -o -- '--[a-z][a-z-]*' "$1" | sort -u); do
        grep -qF -- "$(sed 's/-/\\-/g' <<<"$option")" "$2" || missing+=" $option"
    done
    [[ -z $missing ]] || fail "$(basename "$2") does not document:$missing"
}
"$work/tree/usr/bin/gatehoused" --help >"$work/gatehoused.help"
QT_QPA_PLATFORM=offscreen "$work/tree/usr/bin/gatehouse" --help >"$work/gatehouse.help" 2>/dev/null
check_options "$work/gatehoused.help" "$root/app/gatehoused/gatehoused.8"
check_options "$work/gatehouse.help" "$root/app/gatehouse/gatehouse.1"
echo "both pages render without warnings and document every option of --help"

# --- Installed --------------------------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' gatehouse 2>/dev/null | grep -q installed; then
    [[ ${CI:-} == true ]] || fail "gatehouse is installed on this machine; this test would replace it (dpkg --purge gatehouse first)"
    dpkg --purge gatehouse
fi
getent passwd gatehouse >/dev/null && fail "a user gatehouse exists without the package; this test would remove it"
[[ -e /var/lib/gatehouse ]] && fail "/var/lib/gatehouse exists without the package; this test would use it"

step "dpkg -i"
installed_by_us=1
dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || {
    cat "$work/dpkg.log"
    fail "dpkg -i failed"
}
IFS=: read -r _ _ uid gid _ home shell < <(getent passwd gatehouse) || fail "postinst made no user gatehouse"
echo "user gatehouse: uid $uid, home $home, shell $shell"
((uid < 1000)) || fail "gatehouse is not a system user (uid $uid)"
[[ $shell == */nologin ]] || fail "gatehouse can log in (shell $shell)"
[[ $(getent group gatehouse | cut -d: -f3) == "$gid" ]] || fail "no group gatehouse"
[[ $(gatehoused --version) == "gatehoused $version" ]] || fail "gatehoused --version says $(gatehoused --version)"
ldd /usr/bin/gatehoused | grep libsystemd >/dev/null || fail "gatehoused is built without libsystemd (sd_notify)"
bash -c 'source /usr/share/bash-completion/bash_completion && source /usr/share/bash-completion/completions/gatehoused &&
    COMP_WORDS=(gatehoused s) COMP_CWORD=1 COMP_LINE="gatehoused s" COMP_POINT=12 && _gatehoused &&
    [[ " ${COMPREPLY[*]} " == *" serve "* && " ${COMPREPLY[*]} " == *" status "* ]] &&
    COMP_WORDS=(gatehoused audit --data-dir x v) COMP_CWORD=4 COMP_LINE="gatehoused audit --data-dir x v" COMP_POINT=31 &&
    _gatehoused && [[ ${COMPREPLY[*]} == verify ]]' || fail "bash completion does not complete commands"

unit=/lib/systemd/system/gatehoused.service
step "systemd-analyze verify"
# Also its warnings (an unknown key is only a warning, and is ignored): the unit must verify without a word.
systemd-analyze verify "$unit" >"$work/verify.txt" 2>&1 || true
[[ ! -s $work/verify.txt ]] || {
    cat "$work/verify.txt"
    fail "systemd-analyze verify complains about the unit"
}
echo "the unit verifies without a warning (its commands and Documentation= man page included)"
step "systemd-analyze security --offline=yes"
systemd-analyze security --offline=yes "$unit" >"$work/security.txt" 2>&1 || true
grep '✗' "$work/security.txt" || true
exposure=$(sed -n 's/.*Overall exposure level for gatehoused.service: \([0-9.]*\).*/\1/p' "$work/security.txt")
[[ -n $exposure ]] || {
    cat "$work/security.txt"
    fail "no exposure level in systemd-analyze's output"
}
echo "exposure level of gatehoused.service: $exposure (at most $max_exposure)"
awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e <= m) }' || fail "exposure $exposure is above $max_exposure"

# --- The service's command lines, by hand ------------------------------------------------------------------------
step "ExecStartPre and ExecStart as user gatehouse, against a temporary state directory"
state=$svc/state
install -d -m 0700 -o gatehouse -g gatehouse "$state" # StateDirectory=gatehouse, StateDirectoryMode=0700
pre=$(sed -n 's/^ExecStartPre=//p' "$unit")
start=$(sed -n 's/^ExecStart=//p' "$unit")
[[ $(sed -n 's/^UMask=//p' "$unit") == 0077 ]] || fail "the unit's UMask is not 0077"
unit_env=$(sed -n 's/^Environment=//p' "$unit")
# MemoryDenyWriteExecute= as the kernel applies it to a process (PR_SET_MDWE, Linux 6.3 and later; it lasts across
# exec), since Qt is the kind of program that could trip over it: no memory may become writable and executable.
cat >"$svc/mdwe.py" <<'PY'
import ctypes, os, sys
PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN = 65, 1
if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN, 0, 0, 0) != 0:
    print("check-package: this kernel cannot refuse writable executable memory (PR_SET_MDWE); not applied",
          file=sys.stderr)
os.execvp(sys.argv[1], sys.argv[1:])
PY
[[ $(sed -n 's/^MemoryDenyWriteExecute=//p' "$unit") == yes ]] || fail "the unit lacks MemoryDenyWriteExecute=yes"
# ProtectSystem=strict, ProtectHome= and PrivateTmp= as a mount namespace shows them: the state directory stays
# writable, every other mount becomes read-only, and /tmp, /var/tmp, /home and /root are empty.
cat >"$svc/sandbox.sh" <<'SH'
set -e
state=$1
shift
mount --bind "$state" "$state"
awk '{ print $2 }' /proc/self/mounts | sort -u | while read -r m; do
    [ "$m" = "$state" ] || mount -o remount,bind,ro "$m" 2>/dev/null || echo "sandbox: $m stays writable" >&2
done
for d in /tmp /var/tmp /home /root; do
    [ ! -d "$d" ] || mount -t tmpfs -o mode=0755 tmpfs "$d"
done
if touch /etc/.gatehouse-sandbox-probe 2>/dev/null; then
    rm -f /etc/.gatehouse-sandbox-probe
    echo "sandbox: /etc is still writable" >&2
    exit 1
fi
exec "$@"
SH
for key in ProtectSystem=strict ProtectHome=yes PrivateTmp=yes NoNewPrivileges=yes CapabilityBoundingSet=; do
    grep -qx "$key" "$unit" || fail "the unit lacks $key"
done
# As systemd starts it: the unit's user, umask and environment, no new privileges, no capabilities (an empty
# bounding set), nothing inherited, no writable executable memory, the file system above. One simple command (no
# function, no subshell), so that a process started with & is gatehoused itself once the execs are done.
as_service_in() { # STATE_DIR: sets service_cmd, the prefix of a command line run as the service
    # shellcheck disable=SC2206 # the unit's Environment= words
    service_cmd=(unshare --mount --propagation private sh "$svc/sandbox.sh" "$1"
        setpriv --reuid=gatehouse --regid=gatehouse --init-groups --no-new-privs --bounding-set=-all --inh-caps=-all
        env -i PATH=/usr/bin:/bin HOME="$1" USER=gatehouse LOGNAME=gatehouse $unit_env
        sh -c 'umask 0077 && exec python3 "$0" env "$@"' "$svc/mdwe.py")
}
as_service_in "$state"
# shellcheck disable=SC2086 # the unit's command lines are split into words, as systemd does
"${service_cmd[@]}" ${pre//\/var\/lib\/gatehouse/$state} >"$work/pre.log" 2>&1 || {
    cat "$work/pre.log"
    fail "ExecStartPre failed"
}
cat "$work/pre.log"
[[ $(stat -c '%a %U' "$state/master.key") == "600 gatehouse" ]] || fail "master.key is $(stat -c '%a %U' "$state/master.key")"
[[ $(stat -c '%a %U' "$state/store") == "700 gatehouse" ]] || fail "the store is $(stat -c '%a %U' "$state/store")"
key_before=$(sha256sum <"$state/master.key")
"${service_cmd[@]}" ${pre//\/var\/lib\/gatehouse/$state} >"$work/pre2.log" 2>&1 || fail "a second ExecStartPre failed"
grep -q "nothing to do" "$work/pre2.log" || fail "a second ExecStartPre did not leave the store alone"
[[ $(sha256sum <"$state/master.key") == "$key_before" ]] || fail "a second ExecStartPre changed the key file"

# systemd's notify socket, played by a listener that prints every datagram.
python3 - "$svc/notify" >"$work/notify.log" 2>&1 <<'PY' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
os.chmod(sys.argv[1], 0o666)
s.settimeout(120)
while True:
    try:
        message = s.recv(4096).decode()
    except socket.timeout:
        break
    print(message.replace("\n", " "), flush=True)
    if "STOPPING=1" in message:
        break
PY
listener_pid=$!
for _ in $(seq 100); do [[ -S $svc/notify ]] && break || sleep 0.1; done
[[ -S $svc/notify ]] || fail "the notify listener did not start"
# Port 0: a free port (the config's 8443 may be taken on a shared machine); the environment overrides the file.
"${service_cmd[@]}" NOTIFY_SOCKET="$svc/notify" GATEHOUSE_LISTEN=127.0.0.1:0 ${start//\/var\/lib\/gatehouse/$state} \
    2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 600); do grep -q READY=1 "$work/notify.log" && break || sleep 0.1; done
grep -q READY=1 "$work/notify.log" || {
    cat "$work/serve.log"
    fail "gatehoused serve did not report READY=1"
}
echo "notify: $(head -1 "$work/notify.log")"
if grep -q PR_SET_MDWE "$work/serve.log"; then
    echo "(MemoryDenyWriteExecute not emulated: this kernel is older than 6.3)"
else
    echo "running on a read-only system but for its state directory, with empty /tmp and /home, writable executable"
    echo "memory refused (PR_SET_MDWE), no capabilities and no new privileges"
fi
port=$(sed -n 's/.*event=listening url=https:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/serve.log")
logged=$(sed -n 's/.*event=listening.* certificate_sha256=\([0-9A-F:]*\).*/\1/p' "$work/serve.log")
[[ -n $port && -n $logged ]] || fail "no listening line: $(cat "$work/serve.log")"
[[ $(stat -c %U "$state/store/tls/server.key") == gatehouse ]] || fail "the TLS key is not the service's"

step "curl /healthz over TLS, pinned to the certificate"
openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null | openssl x509 -outform PEM >"$work/presented.pem"
presented=$(openssl x509 -in "$work/presented.pem" -noout -fingerprint -sha256 | cut -d= -f2)
[[ $presented == "$logged" ]] || fail "the certificate served ($presented) is not the one logged ($logged)"
pin=$(openssl x509 -in "$work/presented.pem" -noout -pubkey | openssl pkey -pubin -outform DER |
    openssl dgst -sha256 -binary | base64)
health=$(curl --silent --show-error --fail --cacert "$work/presented.pem" --pinnedpubkey "sha256//$pin" \
    "https://127.0.0.1:$port/healthz")
echo "certificate SHA-256 $presented; /healthz: $health"
# A request that goes through the control plane too (a refused sign-in: JSON, Argon2id, an audit event).
refused=$(curl --silent --output /dev/null --write-out '%{http_code}' --cacert "$work/presented.pem" \
    --pinnedpubkey "sha256//$pin" -H 'Content-Type: application/json' \
    -d '{"username":"nobody","password":"not-the-password"}' "https://127.0.0.1:$port/api/v1/auth/login")
[[ $refused == 401 ]] || fail "a sign-in with a wrong password answered $refused, not 401: $(cat "$work/serve.log")"
echo "a wrong sign-in: $refused"
other_pin=$(head -c 32 /dev/urandom | base64)
if curl --silent --cacert "$work/presented.pem" --pinnedpubkey "sha256//$other_pin" \
    "https://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
    fail "curl accepted the server under another pin: the pin is not checked"
fi

step "reload (SIGHUP) and stop (SIGTERM)"
kill -HUP "$server_pid" # ExecReload
for _ in $(seq 300); do grep -q event=certificate_reloaded "$work/serve.log" && break || sleep 0.1; done
grep -q event=certificate_reloaded "$work/serve.log" || fail "SIGHUP did not reload the certificate"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
[[ $status == 0 ]] || fail "gatehoused serve exited $status after SIGTERM: $(cat "$work/serve.log")"
wait "$listener_pid" || true
listener_pid=""
grep -q STOPPING=1 "$work/notify.log" || fail "gatehoused serve did not report STOPPING=1"
grep -q event=stopped "$work/serve.log" || fail "no event=stopped"
echo "stopped cleanly: $(grep -o 'event=stopped.*' "$work/serve.log")"

# --- Purge ------------------------------------------------------------------------------------------------------
step "dpkg --purge keeps the data; GATEHOUSE_PURGE_DATA=yes removes it"
# The real state directory, as systemd makes it at the first start, with a store in it.
state_dir_made_by_us=1
install -d -m 0700 -o gatehouse -g gatehouse /var/lib/gatehouse
as_service_in /var/lib/gatehouse
# shellcheck disable=SC2086
"${service_cmd[@]}" $pre >/dev/null 2>&1 || fail "ExecStartPre failed in /var/lib/gatehouse"
dpkg -L gatehouse | sort >"$work/files.list"
enabled_link=/etc/systemd/system/multi-user.target.wants/gatehoused.service
[[ -L $enabled_link ]] || fail "postinst did not enable gatehoused.service"
dpkg --purge gatehouse >"$work/purge.log" 2>&1 || {
    cat "$work/purge.log"
    fail "dpkg --purge failed"
}
cat "$work/purge.log"
left=""
dirs=()
while read -r path; do
    if [[ -d $path ]]; then # a directory, or a link to one (/lib on a merged /usr)
        dirs+=("$path")
    elif [[ -e $path || -L $path ]]; then
        left+=" $path"
    fi
done <"$work/files.list"
# A directory may stay only if another package owns it too.
for d in "${dirs[@]}"; do
    dpkg -S "$d" >/dev/null 2>&1 || left+=" $d/"
done
[[ -z $left ]] || fail "files of the package are left after purge:$left"
[[ ! -e /etc/gatehouse && ! -e $enabled_link && ! -e /var/lib/systemd/deb-systemd-helper-enabled/gatehoused.service.dsh-also ]] ||
    fail "configuration or enablement is left after purge"
getent passwd gatehouse >/dev/null && fail "the user gatehouse is left after purge"
getent group gatehouse >/dev/null && fail "the group gatehouse is left after purge"
[[ -f /var/lib/gatehouse/store/store.json && -f /var/lib/gatehouse/master.key ]] ||
    fail "purge removed the data without being asked"
echo "purged: no file of the package, no user or group left; /var/lib/gatehouse kept"

dpkg -i "$deb" >/dev/null 2>&1 || fail "dpkg -i (again) failed"
GATEHOUSE_PURGE_DATA=yes dpkg --purge gatehouse >"$work/purge.log" 2>&1 || fail "dpkg --purge (asked to remove the data) failed"
installed_by_us=0
[[ ! -e /var/lib/gatehouse ]] || fail "GATEHOUSE_PURGE_DATA=yes did not remove /var/lib/gatehouse"
state_dir_made_by_us=0
echo "purged with GATEHOUSE_PURGE_DATA=yes: /var/lib/gatehouse removed"

echo "check-package: OK (exposure $exposure)"
