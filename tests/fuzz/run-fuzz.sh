#!/usr/bin/env bash
# Builds the fuzz targets with clang and runs each for a bounded time (default 60 s; first argument overrides).
# Exit status non-zero on any crash or sanitizer report; the crashing input is left in build/fuzz/.
set -euo pipefail
seconds="${1:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/build/fuzz"
CXX=clang++ cmake -S "$here" -B "$out" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$out" -j2
corpus="$out/corpus"
mkdir -p "$corpus"
cp -n "$here"/corpus/* "$corpus"/ 2>/dev/null || true
echo "fuzz: fuzz_http_request for ${seconds}s"
cd "$out"
ASAN_OPTIONS=detect_leaks=1 ./fuzz_http_request -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 15
echo "fuzz: no crash in ${seconds}s"
