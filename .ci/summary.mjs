#!/usr/bin/env node
// Totals the JSON reports of every test runner and prints ONE closing line that CI
// recognises: "N passed, N failed" (+ ", N skipped" when any were skipped).
// Usage: node .ci/summary.mjs [exit-status-of-the-test-command]
// A report that is missing or unreadable counts as one failure (the runner crashed or
// never ran), and so does a non-zero exit status that no report explains.
import { readFileSync } from 'node:fs';

const runners = [
  { name: 'vitest', file: 'test-results/unit.json', count: countVitest },
  { name: 'playwright', file: 'test-results/e2e.json', count: countPlaywright },
];

function countVitest(r) {
  let failed = r.numFailedTests ?? 0;
  // A file that failed outside any test (import error, beforeAll) has no failed test.
  for (const file of r.testResults ?? []) {
    const testFailed = (file.assertionResults ?? []).some((a) => a.status === 'failed');
    if (file.status === 'failed' && !testFailed) failed += 1;
  }
  if (r.success === false && failed === 0) failed = 1; // e.g. unhandled errors
  return {
    passed: r.numPassedTests ?? 0,
    failed,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

function countPlaywright(r) {
  const s = r.stats ?? {};
  return {
    passed: (s.expected ?? 0) + (s.flaky ?? 0),
    // Global errors: web server did not start, config error, no tests found…
    failed: (s.unexpected ?? 0) + (r.errors?.length ?? 0),
    skipped: s.skipped ?? 0,
  };
}

const status = Number(process.argv[2] ?? 0) || 0;
const total = { passed: 0, failed: 0, skipped: 0 };
for (const runner of runners) {
  let counts;
  try {
    counts = runner.count(JSON.parse(readFileSync(runner.file, 'utf8')));
  } catch (error) {
    console.log(
      `${runner.name}: no usable report at ${runner.file} (${error.code ?? String(error.message).split('\n')[0]}) — not run or crashed; counted as 1 failure`,
    );
    counts = { passed: 0, failed: 1, skipped: 0 };
  }
  console.log(
    `${runner.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  for (const key of Object.keys(total)) total[key] += counts[key];
}
if (status !== 0 && total.failed === 0) {
  console.log(
    `test command exited with status ${status} without a reported failure — not run or crashed; counted as 1 failure`,
  );
  total.failed = 1;
}

console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(total.failed > 0 ? 1 : 0);
