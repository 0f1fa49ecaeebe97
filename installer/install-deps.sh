#!/usr/bin/env bash
# Installs with apt exactly what building Gatehouse, running its tests and running the demo need on
# Debian 12. Idempotent: when everything is present it changes nothing and does not touch the network.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-svg-dev qt6-charts-dev qt6-networkauth-dev
    qtkeychain-qt6-dev libsqlcipher-dev libssl-dev libargon2-dev libhttp-parser-dev
    # build: the console's QR codes (authenticator enrolment) and passphrase strength estimate
    libqrencode-dev libzxcvbn-dev
    # build: gatehoused tells systemd when it is ready (sd_notify); the package's PNG icons are rendered from the SVG
    libsystemd-dev librsvg2-bin
    # the Debian package (cpack, dpkg-shlibdeps) and its checks (tests/package/check-package.sh)
    dpkg-dev lintian desktop-file-utils appstream man-db systemd bash-completion
    # tests: the live listener is scanned with sslscan and driven with curl
    sslscan curl
    # tests: audit forwarding is checked against a real syslog collector over TLS (the test starts its own rsyslogd)
    rsyslog rsyslog-openssl
    # tests: the libFuzzer harness is built with clang
    clang libclang-rt-14-dev
    # benchmarks: the plain-SQLite baseline (a separate program; never linked with SQLCipher)
    libsqlite3-dev
    # benchmarks: the HTTPS API beside nginx, driven by wrk
    wrk nginx-light
    # runtime: QtKeychain reaches the Secret Service through libsecret
    libsecret-1-0
    # tests: a private D-Bus session with a real gnome-keyring; unshare/mount/setsid for file-system faults
    dbus-daemon gnome-keyring util-linux
    # tests: the offline audit bundle is verified with the openssl command line, as a reviewer would
    openssl
    # tests: the evidence report's PDF is read back with pdftotext and rendered with pdftoppm
    poppler-utils
    # screenshots of the console (tests/gui/screenshots.sh) under a virtual X server
    xvfb xauth
    # tests: the console driven over the accessibility bus, as a screen reader does (tests/e2e/atspi-console.sh)
    at-spi2-core python3-pyatspi
    # tests: the end-to-end scripts and the translation check parse JSON and XML with Python
    python3
    # tests: Node.js and npm run the OpenAPI lint (tests/lint-openapi.sh, after `npm ci`)
    nodejs npm
)

# A package counts as present when it is installed or provided by an installed package: a Node.js package
# that bundles npm (Provides: npm) conflicts with Debian's npm, which could then not be installed.
provided=" $(dpkg-query -W -f='${Status}\t${Provides}\n' 2>/dev/null |
    awk -F'\t' '$1 == "install ok installed" { print $2 }' | tr ',' '\n' | sed 's/(.*)//' | tr -d ' ' | tr '\n' ' ') "

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" &&
        [[ "$provided" != *" $p "* ]]; then
        missing+=("$p")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run this script as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q "${missing[@]}"
