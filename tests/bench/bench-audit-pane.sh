#!/usr/bin/env bash
# The Audit pane benchmark (docs/performance.md): bench_audit_pane makes its own store (a million events by
# default) in a throwaway directory and runs the pane under a virtual X server. Run from a release build:
#   bash tests/bench/bench-audit-pane.sh [--build DIR] [bench_audit_pane options: --events N --rate N --seconds N]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/release
if [[ ${1:-} == --build ]]; then
    build=$2
    shift 2
fi
bench=$build/tests/bench_audit_pane
[[ -x $bench ]] || { echo "bench-audit-pane: build first ($bench is missing)" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "bench-audit-pane: needs xvfb-run (Debian: xvfb)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# A settings file of its own, so no saved layout changes what is measured.
XDG_CONFIG_HOME=$work/config TMPDIR=$work xvfb-run -a -s "-screen 0 1400x900x24 -dpi 96" "$bench" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
