#!/usr/bin/env node
// Proves the contract check can fail: made-up exchanges that break the document in each way it checks must be
// reported, and ones that keep it must not; then validate.mjs itself must exit non-zero on a broken recording.
// Usage: selftest.mjs OPENAPI.json
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAll } from './contract.mjs';

const documentPath = process.argv[2];
const document = JSON.parse(readFileSync(documentPath, 'utf8'));
const problem = (status, slug) =>
    JSON.stringify({ type: `urn:gatehouse:problem:${slug}`, title: 'T', status, detail: 'd' });
const exchange = (method, target, status, responseBody, extra = {}) => ({
    test: 'selftest',
    method,
    target,
    status,
    response_content_type: responseBody ? (status >= 400 ? 'application/problem+json' : 'application/json') : '',
    response_body: responseBody,
    streamed: false,
    ...extra,
});
const tenantBody = { name: 'acme', display_name: 'Acme', owner_username: 'olivia', owner_password: 'x'.repeat(14) };
const tenant = JSON.stringify({ id: 'ten_1', name: 'acme', display_name: 'Acme', status: 'active', created_at: 1 });

const cases = [
    // [what, exchange, the violation expected (a regular expression) or null when it keeps the contract]
    ['a documented problem', exchange('GET', '/api/v1/auth/whoami', 401, problem(401, 'unauthenticated')), null],
    ['an undocumented status', exchange('POST', '/api/v1/auth/logout', 418, problem(418, 'teapot')), /status 418 is not documented/],
    ['a response missing a required field', exchange('GET', '/api/v1/auth/whoami', 200, '{"kind":"user"}'), /response does not match/],
    ['a problem of the wrong shape', exchange('GET', '/api/v1/auth/whoami', 401, '{"status":"401"}'), /response does not match/],
    ['an undocumented content type', exchange('GET', '/api/v1/auth/whoami', 401, 'no', { response_content_type: 'text/html' }), /content type "text\/html" is not documented/],
    ['an accepted unknown field', exchange('POST', '/api/v1/tenants', 201, tenant, { request_content_type: 'application/json', request_body: JSON.stringify({ ...tenantBody, bogus_field: 1 }) }), /accepted request does not match/],
    ['an accepted unknown enum value', exchange('GET', '/api/v1/audit/events?outcome=maybe', 200, '{"items":[],"next_cursor":null}'), /query parameter outcome="maybe"/],
    ['an accepted empty update', exchange('PATCH', '/api/v1/platform/users/usr_1', 200, '{}', { request_content_type: 'application/json', request_body: '{}' }), /accepted request does not match/],
    ['an unknown path answered 200', exchange('GET', '/api/v1/nowhere', 200, '{}'), /no operation GET/],
];
let failures = 0;
for (const [what, ex, expected] of cases) {
    const { violations } = checkAll(document, [ex]);
    const messages = violations.map((v) => v.message);
    const ok = expected ? messages.some((m) => expected.test(m)) : messages.length === 0;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${messages.join(' | ') || 'no violation'}`);
    if (!ok) failures += 1;
}

// The command line: a recording with one undocumented status fails, a clean one passes.
const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'contract-selftest-'));
try {
    const run = (lines) => {
        const file = join(dir, 'r.jsonl');
        writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
        return spawnSync(process.execPath, [join(here, 'validate.mjs'), documentPath, file], { encoding: 'utf8' });
    };
    const bad = run([cases[0][1], cases[1][1]]);
    assert.equal(bad.status, 1, `validate.mjs must fail on an undocumented status:\n${bad.stdout}${bad.stderr}`);
    const good = run([cases[0][1]]);
    assert.equal(good.status, 0, `validate.mjs must pass a clean recording:\n${good.stdout}${good.stderr}`);
    console.log('ok   validate.mjs exits 1 on a violation and 0 on a clean recording');
} finally {
    rmSync(dir, { recursive: true, force: true });
}
if (failures) {
    console.log(`${failures} of ${cases.length} cases not judged as expected`);
    process.exit(1);
}
