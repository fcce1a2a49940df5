/**
 * Prints the bench as one table (figure | measured | floor | goal | result) with a footnote
 * per row saying how it was measured, and writes the same as JSON. A missed goal is a
 * finding, not an error: the run fails only when a measurement could not be made.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestResult,
} from '@playwright/test/reporter';
import type { Row } from './support/bench';

interface Options {
  outputFile?: string;
}

function debianVersion(): string | null {
  try {
    return readFileSync('/etc/debian_version', 'utf8').trim();
  } catch {
    return null;
  }
}

export default class BenchReporter implements Reporter {
  readonly #outputFile: string;
  readonly #rows: Row[] = [];
  readonly #errors: Array<{ test: string; error: string }> = [];
  #machine: Record<string, unknown> = {};
  #started = Date.now();
  #rootDir = process.cwd();
  /** 1/5/15-minute load average when the bench began: anything else running skews the figures. */
  #load: number[] = [];

  constructor(options: Options = {}) {
    this.#outputFile = options.outputFile ?? 'test-results/bench.json';
  }

  printsToStdio(): boolean {
    return true;
  }

  onBegin(config: FullConfig, suite: Suite): void {
    this.#started = Date.now();
    this.#load = os.loadavg().map((v) => Math.round(v * 100) / 100);
    this.#rootDir = path.dirname(config.configFile ?? path.join(process.cwd(), 'x'));
    const quick = process.env.BENCH_QUICK === '1';
    console.log(
      `Flashcue bench${quick ? ' (quick)' : ''}: ${suite.allTests().length} figures, built and served on ${config.webServer?.url ?? '?'}`,
    );
  }

  onTestBegin(test: TestCase): void {
    console.log(`\n▶ ${test.title}`);
  }

  onStdOut(chunk: string | Buffer): void {
    process.stdout.write(chunk);
  }

  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(chunk);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const a of result.attachments) {
      if (!a.body) continue;
      if (a.name === 'bench-row') this.#rows.push(JSON.parse(a.body.toString()) as Row);
      if (a.name === 'bench-machine')
        this.#machine = { ...this.#machine, ...(JSON.parse(a.body.toString()) as object) };
    }
    const seconds = (result.duration / 1000).toFixed(1);
    if (result.status === 'passed') {
      console.log(`  done in ${seconds} s`);
    } else {
      const error =
        result.errors.map((e) => e.stack ?? e.message ?? String(e.value)).join('\n') ||
        result.status;
      this.#errors.push({ test: test.title, error });
      console.log(`  ✗ ${result.status} after ${seconds} s:\n${error}`);
    }
  }

  onError(error: { message?: string; stack?: string }): void {
    this.#errors.push({ test: '(bench)', error: error.stack ?? error.message ?? 'unknown error' });
    console.log(`✗ ${error.stack ?? error.message}`);
  }

  onEnd(result: FullResult): void {
    const rows = [...this.#rows].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    const cpus = os.cpus();
    const machine: Record<string, unknown> & {
      cores: number;
      cpu: string;
      os: string;
      node: string;
    } = {
      cores: cpus.length,
      cpu: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}${debianVersion() ? `, Debian ${debianVersion()}` : ''}`,
      node: process.version,
      ...(process.env.BENCH_CHROMIUM_ARGS ? { chromiumArgs: process.env.BENCH_CHROMIUM_ARGS } : {}),
      loadAverageAtStart: this.#load,
      loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
      ...this.#machine,
    };
    const header = ['#', 'figure', 'measured', 'floor', 'goal', 'result'];
    const lines = rows.map((r) => [
      `${r.id}`,
      `${r.figure} [${r.id}]`,
      r.measured,
      r.floor ?? '—',
      r.goal,
      r.pass === null ? '—' : r.pass ? 'pass' : '**miss**',
    ]);
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    const table = [
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      ...lines.map((cells) => `| ${cells.map(esc).join(' | ')} |`),
    ].join('\n');
    const notes = rows.map((r) => `[${r.id}] ${r.method}`).join('\n');
    const seconds = Math.round((Date.now() - this.#started) / 1000);
    const quick = process.env.BENCH_QUICK === '1';
    console.log(
      `\nFlashcue bench${quick ? ' (quick)' : ''} — ${machine.cores} cores (${machine.cpu}), ${machine.os}, Node ${machine.node}` +
        `${typeof machine.chromium === 'string' ? `, Chromium ${machine.chromium}` : ''}${typeof machine.obs === 'string' ? `, OBS ${machine.obs}` : ''}; ${seconds} s` +
        `; load average ${this.#load.join('/')} at start${typeof machine.chromiumArgs === 'string' ? `; extra Chromium switches: ${machine.chromiumArgs}` : ''}\n`,
    );
    console.log(table);
    console.log(`\nHow each figure was measured:\n${notes}`);
    const passed = rows.filter((r) => r.pass === true).length;
    const missed = rows.filter((r) => r.pass === false).map((r) => r.id);
    console.log(
      `\n${passed} goals met, ${missed.length} missed${missed.length ? ` (${missed.join(', ')})` : ''}, ${this.#errors.length} figures could not be measured.`,
    );
    for (const e of this.#errors) console.log(`✗ ${e.test}: ${e.error.split('\n')[0]}`);

    const file = path.resolve(this.#rootDir, '..', '..', this.#outputFile);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      JSON.stringify(
        {
          bench: 'flashcue',
          quick,
          startedAt: new Date(this.#started).toISOString(),
          seconds,
          status: result.status,
          machine,
          rows,
          errors: this.#errors,
          table,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`Written to ${path.relative(process.cwd(), file)}`);
  }
}
