#!/usr/bin/env bash
# Lints resources/api/openapi.json with Redocly CLI (pinned in package.json / package-lock.json, rules in
# redocly.yaml). Fails on any error; warnings are printed. CTest runs it as LintOpenApi.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null || ! command -v npx >/dev/null; then
    echo "lint-openapi: node and npm are missing: run bash installer/install-deps.sh" >&2
    exit 1
fi
# @redocly/cli 2.x runs on Node.js 20.19+ (20.x) or 22.12+; Debian 12's own nodejs is 18.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number);
              process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1)'; then
    echo "lint-openapi: Node.js $(node --version) is too old for @redocly/cli (needs 20.19+ or 22.12+)" >&2
    exit 1
fi
if [[ ! -x node_modules/.bin/redocly ]]; then
    echo "lint-openapi: node_modules/.bin/redocly is missing: run npm ci (in $(pwd))" >&2
    exit 1
fi

# No usage telemetry and no update check: the lint needs nothing from the network.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
npx --no-install redocly lint --format=codeframe resources/api/openapi.json
