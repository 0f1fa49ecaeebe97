#!/usr/bin/env bash
# Builds and runs the whole test suite twice: the release build, then the AddressSanitizer +
# UndefinedBehaviorSanitizer build, so memory errors fail the run. Warnings are errors in both.
# Ends with CTest's summary of the sanitizer run; exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."

for preset in release asan; do
    echo "== ${preset}: configure and build"
    cmake --preset "$preset"
    cmake --build --preset "$preset"
    echo "== ${preset}: test"
    ctest --preset "$preset"
done
