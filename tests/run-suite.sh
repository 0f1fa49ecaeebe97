#!/usr/bin/env bash
# Builds and runs the whole test suite twice: the release build, then the AddressSanitizer +
# UndefinedBehaviorSanitizer build, so memory errors fail the run. Warnings are errors in both.
# Before them, the fuzz targets run for a bounded time (GATEHOUSE_FUZZ_SECONDS, default 60). After the release
# tests, the Debian package is made from the release build, validated, installed, run and purged (once: the
# package is a release build).
# Ends with CTest's summary of the sanitizer run; exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== fuzz: request parser, router and JSON bodies"
bash tests/fuzz/run-fuzz.sh "${GATEHOUSE_FUZZ_SECONDS:-60}"

for preset in release asan; do
    echo "== ${preset}: configure and build"
    cmake --preset "$preset"
    cmake --build --preset "$preset"
    echo "== ${preset}: test"
    # Two at a time, as many as the machine has cores; no test depends on running alone.
    ctest --preset "$preset" -j "${GATEHOUSE_TEST_JOBS:-2}"
    if [[ $preset == release ]]; then
        echo "== release: the Debian package"
        bash tests/package/check-package.sh build/release
    fi
done
