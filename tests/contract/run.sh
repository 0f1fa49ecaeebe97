#!/usr/bin/env bash
# Runs the API contract check (validate.mjs) or its self-test (selftest.mjs) with the pinned Ajv from `npm ci`.
# CTest runs it as ApiContract (on the exchanges the API tests recorded) and ApiContractSelfTest.
#   run.sh check RECORDINGS_DIR   |   run.sh selftest
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null; then
    echo "contract: node is missing: run bash installer/install-deps.sh" >&2
    exit 1
fi
if [[ ! -f node_modules/ajv/package.json ]]; then
    echo "contract: node_modules/ajv is missing: run npm ci (in $(pwd))" >&2
    exit 1
fi
case "${1:-}" in
check) exec node tests/contract/validate.mjs resources/api/openapi.json "$2" --min-exchanges 1000 ;;
selftest) exec node tests/contract/selftest.mjs resources/api/openapi.json ;;
*)
    echo "usage: run.sh check RECORDINGS_DIR | run.sh selftest" >&2
    exit 2
    ;;
esac
