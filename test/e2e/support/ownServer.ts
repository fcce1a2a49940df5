/**
 * A `vite preview` of the already-built app on a free port, with its own data folder, for
 * specs that must be the only controller on the relay: orders through the door go to
 * whichever primary runs a show there, and the suite's other specs run their own
 * controllers on the shared server's relay at the same time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OwnServer {
  base: string;
  stop(): void;
}

export function startOwnServer(env: Record<string, string> = {}): Promise<OwnServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--port', '0'],
    {
      detached: true,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FLASHCUE_DATA_DIR: mkdtempSync(join(tmpdir(), 'flashcue-e2e-')),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stop = () => {
    // The whole group: vite may have children of its own.
    if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`vite preview did not start:\n${out}`));
    }, 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      // Colours off, and any left stripped: the port is printed in bold otherwise.
      // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
      out += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      const match = /Local:\s+(http:\/\/localhost:\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ base: match[1]!, stop });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite preview exited (${code}):\n${out}`));
    });
  });
}
