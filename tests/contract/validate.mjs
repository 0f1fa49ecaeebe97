#!/usr/bin/env node
// Checks recorded API exchanges against the OpenAPI document (see contract.mjs) and fails on any violation.
// Usage: validate.mjs OPENAPI.json RECORDING.jsonl|DIRECTORY... [--min-exchanges N]
// Prints the number of exchanges, the operations they cover of the document's total, the operations no test
// reached, and each violation once with the tests it came from.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkAll } from './contract.mjs';

const args = process.argv.slice(2);
let minExchanges = 1;
const minAt = args.indexOf('--min-exchanges');
if (minAt >= 0) {
    minExchanges = Number(args[minAt + 1]);
    args.splice(minAt, 2);
}
if (args.length < 2) {
    console.error('usage: validate.mjs OPENAPI.json RECORDING.jsonl|DIRECTORY... [--min-exchanges N]');
    process.exit(2);
}
const document = JSON.parse(readFileSync(args[0], 'utf8'));
const files = args.slice(1).flatMap((a) =>
    statSync(a).isDirectory()
        ? readdirSync(a)
              .filter((f) => f.endsWith('.jsonl'))
              .sort()
              .map((f) => join(a, f))
        : [a],
);
const exchanges = [];
for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
        if (!line.trim()) return;
        try {
            exchanges.push(JSON.parse(line));
        } catch {
            console.error(`${file}:${i + 1}: not a JSON line`);
            process.exitCode = 1;
        }
    });
    console.log(`${file}: ${lines.filter((l) => l.trim()).length} exchanges`);
}

const result = checkAll(document, exchanges);
const uncovered = result.contract.operations.map((o) => o.operation.operationId).filter((id) => !result.covered.has(id));
console.log(`exchanges: ${result.exchanges}`);
console.log(`operations covered: ${result.covered.size} of ${result.total}`);
if (uncovered.length) console.log(`not exercised by any recorded test: ${uncovered.sort().join(', ')}`);

// One line per distinct violation, with how often it happened and the first tests that saw it.
const byMessage = new Map();
for (const v of result.violations) {
    const entry = byMessage.get(v.message) ?? { count: 0, tests: new Set(), example: v.exchange };
    entry.count += 1;
    entry.tests.add(v.test);
    byMessage.set(v.message, entry);
}
for (const [message, e] of byMessage) {
    const tests = [...e.tests];
    console.log(`VIOLATION (${e.count}x): ${message}`);
    console.log(`    in ${tests.slice(0, 3).join(', ')}${tests.length > 3 ? ` and ${tests.length - 3} more` : ''}`);
    console.log(`    e.g. ${e.example.method} ${e.example.target} -> ${e.example.status}`);
}
if (result.exchanges < minExchanges) {
    console.log(`FAIL: only ${result.exchanges} exchanges recorded, expected at least ${minExchanges}`);
    process.exitCode = 1;
}
if (byMessage.size) process.exitCode = 1;
console.log(
    process.exitCode
        ? `contract: FAILED (${byMessage.size} distinct violations in ${result.violations.length} exchanges)`
        : 'contract: kept by every exchange',
);
