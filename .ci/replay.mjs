#!/usr/bin/env node
// Replays the test durations of a Playwright JSON report (test-results/e2e.json) through
// Playwright's hand-out rule: a free worker takes the first queued test group whose project is
// under its worker limit; groups are queued in project order, then file, then line. Prints the
// wall time each project order would take on two workers, with the measured durations, so an
// order or a worker limit can be compared like with like on a loaded machine.
// Usage: node .ci/replay.mjs [test-results/e2e.json]
// A model: it leaves out worker start-up and the restarts after a failure.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-results/e2e.json', 'utf8'));
const WORKERS = 2;
const LIMITS = { serial: 1 };
// Files whose tests run in one worker, one after another (mode 'serial' or a beforeAll).
const ONE_GROUP = new Set([
  '010-indexeddb.spec.ts',
  '401-obs-controller.spec.ts',
  '403-two-controllers-obs.spec.ts',
  '404-obs-reload.spec.ts',
  '903-crash-durability.spec.ts',
]);

const tests = [];
const walk = (suite) => {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests)
      tests.push({
        file: spec.file,
        line: spec.line,
        project: t.projectName,
        seconds: t.results.reduce((sum, r) => sum + r.duration, 0) / 1000,
      });
  for (const child of suite.suites ?? []) walk(child);
};
for (const suite of report.suites) walk(suite);

function queue(order) {
  const groups = [];
  for (const project of order) {
    const byFile = new Map();
    const mine = tests
      .filter((t) => t.project === project)
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    for (const t of mine) {
      if (!ONE_GROUP.has(t.file)) {
        groups.push({ project, seconds: t.seconds });
        continue;
      }
      if (!byFile.has(t.file)) {
        const group = { project, seconds: 0 };
        byFile.set(t.file, group);
        groups.push(group);
      }
      byFile.get(t.file).seconds += t.seconds;
    }
  }
  return groups;
}

function replay(order) {
  const waiting = queue(order);
  const freeAt = Array(WORKERS).fill(0);
  const busy = Array(WORKERS).fill(0);
  const running = [];
  let end = 0;
  while (waiting.length) {
    const w = freeAt.indexOf(Math.min(...freeAt));
    const now = freeAt[w];
    const active = running.filter((r) => r.end > now);
    const at = waiting.findIndex(
      (g) =>
        !LIMITS[g.project] ||
        active.filter((r) => r.project === g.project).length < LIMITS[g.project],
    );
    if (at < 0) {
      freeAt[w] = Math.min(...active.map((r) => r.end));
      continue;
    }
    const [group] = waiting.splice(at, 1);
    running.push({ project: group.project, end: now + group.seconds });
    busy[w] += group.seconds;
    freeAt[w] = now + group.seconds;
    end = Math.max(end, freeAt[w]);
  }
  return `${Math.round(end)} s wall, workers busy ${busy.map(Math.round).join(' / ')} s`;
}

const total = tests.reduce((sum, t) => sum + t.seconds, 0);
console.log(`${tests.length} tests, ${Math.round(total)} s of test time`);
console.log(`pages, then serial: ${replay(['pages', 'serial'])}`);
console.log(`serial, then pages: ${replay(['serial', 'pages'])}`);
