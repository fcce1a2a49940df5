// Starts a real, throw-away OBS Studio (29+, obs-websocket 5) under its own Xvfb for
// integration tests. Follows shared/notes/obs-headless.md: private HOME/XDG dirs, websocket
// settings in global.ini (what OBS 29 reads), one empty scene, ready when the port accepts.
// Only the PIDs started here are ever signalled.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants, readdirSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface ObsCanvas {
  width: number;
  height: number;
}

export interface StartObsOptions {
  /** obs-websocket port; a free one is picked when omitted or 0. */
  port?: number;
  /** obs-websocket password; random when omitted, '' turns authentication off. */
  password?: string;
  /** Base and output canvas; defaults to 1920×1080. */
  canvas?: ObsCanvas;
  /** How long to wait for the websocket port, per start. Default 30 s. */
  timeoutMs?: number;
}

export interface ObsInstance {
  port: number;
  password: string;
  /** e.g. ws://127.0.0.1:4455 */
  url: string;
  /** Ends OBS and Xvfb and removes the temp home. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILLs OBS only (a crash, as clients see it); Xvfb and the config stay for restart(). */
  kill(): void;
  /** The running OBS process's id (changes on restart()); for SIGSTOP/SIGCONT "frozen link" tests. */
  readonly pid: number | undefined;
  /** Ends OBS if still running, starts it again on the same port and config, waits until ready. */
  restart(): Promise<void>;
}

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, command), fsConstants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

/** True when both `obs` and `Xvfb` are on PATH (Debian: apt-get install obs-studio xvfb). */
export function obsAvailable(): boolean {
  return onPath('obs') && onPath('Xvfb');
}

// Every child still alive is SIGKILLed if the test process exits without stop().
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) if (isAlive(c)) c.kill('SIGKILL');
    });
  }
}

function isAlive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function exited(child: ChildProcess): Promise<void> {
  if (!isAlive(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function terminate(child: ChildProcess | undefined, graceMs = 5_000): Promise<void> {
  if (!child || !isAlive(child)) return;
  const done = exited(child);
  // A SIGSTOPped process only acts on SIGTERM once continued (a test may have frozen it).
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    done.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (timedOut && isAlive(child)) {
    child.kill('SIGKILL');
    await done;
  }
}

/** Keeps the last few kB of a stream so failures can show what the process said. */
function tail(stream: NodeJS.ReadableStream | null, limit = 8_192): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-limit);
  });
  return () => text;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startXvfb(): Promise<{ child: ChildProcess; display: string }> {
  const child = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x720x24', '-nolisten', 'tcp', '-noreset'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  track(child);
  const stderr = tail(child.stderr);
  const displayStream = child.stdio[3] as NodeJS.ReadableStream;
  try {
    const display = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(
        () => reject(new Error('Xvfb did not report a display within 10 s')),
        10_000,
      );
      displayStream.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const line = text.match(/^(\d+)\n/);
        if (line?.[1]) {
          clearTimeout(timer);
          resolve(`:${line[1]}`);
        }
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`Xvfb exited (${code ?? signal}) before reporting a display:\n${stderr()}`),
        );
      });
    });
    return { child, display };
  } catch (error) {
    await terminate(child);
    throw error;
  }
}

function globalIni(port: number, password: string): string {
  return `[General]
FirstRun=true
LastVersion=486539266
EnableAutoUpdates=false
ConfirmOnExit=false
[Basic]
Profile=test
ProfileDir=test
SceneCollection=test
SceneCollectionFile=test
[BasicWindow]
PreviewEnabled=false
SysTrayEnabled=false
[OBSWebSocket]
FirstLoad=false
ServerEnabled=true
ServerPort=${port}
AlertsEnabled=false
AuthRequired=${password === '' ? 'false' : 'true'}
ServerPassword=${password}
`;
}

function basicIni({ width, height }: ObsCanvas): string {
  return `[General]
Name=test
[Video]
BaseCX=${width}
BaseCY=${height}
OutputCX=${width}
OutputCY=${height}
FPSType=1
FPSInt=30
`;
}

const sceneCollection = {
  name: 'test',
  current_scene: 'Scene',
  current_program_scene: 'Scene',
  scene_order: [{ name: 'Scene' }],
  sources: [{ id: 'scene', versioned_id: 'scene', name: 'Scene', settings: { items: [] } }],
};

function latestObsLog(configHome: string): string {
  try {
    const dir = path.join(configHome, 'obs-studio', 'logs');
    const newest = readdirSync(dir).sort().pop();
    return newest ? readFileSync(path.join(dir, newest), 'utf8').slice(-4_000) : '';
  } catch {
    return '';
  }
}

export async function startObs(options: StartObsOptions = {}): Promise<ObsInstance> {
  if (!onPath('obs')) throw new Error('`obs` is not on PATH (Debian: apt-get install obs-studio)');
  if (!onPath('Xvfb')) throw new Error('`Xvfb` is not on PATH (Debian: apt-get install xvfb)');

  const port = options.port || (await freePort());
  const password = options.password ?? randomBytes(12).toString('hex');
  const canvas = options.canvas ?? { width: 1920, height: 1080 };
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (/[\r\n]/.test(password)) throw new Error('OBS password must be a single line');
  if (await accepts(port)) throw new Error(`port ${port} is already in use; pick another for OBS`);

  const home = await mkdtemp(path.join(os.tmpdir(), 'flashcue-obs-'));
  const configHome = path.join(home, '.config');
  const runtimeDir = path.join(home, 'run');
  const obsDir = path.join(configHome, 'obs-studio');
  await mkdir(path.join(obsDir, 'basic', 'profiles', 'test'), { recursive: true });
  await mkdir(path.join(obsDir, 'basic', 'scenes'), { recursive: true });
  await mkdir(path.join(home, '.cache'), { recursive: true });
  await mkdir(runtimeDir, { recursive: true });
  await chmod(runtimeDir, 0o700);
  await writeFile(path.join(obsDir, 'global.ini'), globalIni(port, password));
  await writeFile(path.join(obsDir, 'basic', 'profiles', 'test', 'basic.ini'), basicIni(canvas));
  await writeFile(
    path.join(obsDir, 'basic', 'scenes', 'test.json'),
    JSON.stringify(sceneCollection),
  );

  let xvfb: ChildProcess | undefined;
  let obs: ChildProcess | undefined;
  let stopped = false;

  const cleanup = async () => {
    await terminate(obs);
    await terminate(xvfb);
    rmSync(home, { recursive: true, force: true });
  };

  const launch = async (display: string) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: configHome,
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_RUNTIME_DIR: runtimeDir,
      DISPLAY: display,
      LIBGL_ALWAYS_SOFTWARE: '1',
      QT_QPA_PLATFORM: 'xcb',
      LANG: 'C.UTF-8',
    };
    delete env.WAYLAND_DISPLAY;
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const child = spawn(
      'obs',
      [
        '--multi',
        '--disable-missing-files-check',
        '--collection',
        'test',
        '--profile',
        'test',
        '--scene',
        'Scene',
      ],
      { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    track(child);
    obs = child;
    const output = tail(child.stdout);
    const errors = tail(child.stderr);
    let spawnError: Error | undefined;
    child.once('error', (error) => {
      spawnError = error;
    });
    const deadline = Date.now() + timeoutMs;
    while (!(await accepts(port))) {
      if (spawnError || !isAlive(child)) {
        throw new Error(
          `OBS exited before opening port ${port} (${spawnError?.message ?? child.exitCode ?? child.signalCode}).\n` +
            `stderr:\n${errors()}\nstdout:\n${output()}\nlog:\n${latestObsLog(configHome)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `OBS did not open port ${port} within ${timeoutMs} ms.\nlog:\n${latestObsLog(configHome)}`,
        );
      }
      await sleep(50);
    }
  };

  try {
    const started = await startXvfb();
    xvfb = started.child;
    await launch(started.display);
    const display = started.display;

    return {
      port,
      password,
      url: `ws://127.0.0.1:${port}`,
      get pid() {
        return obs && isAlive(obs) ? obs.pid : undefined;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await cleanup();
      },
      kill() {
        if (obs && isAlive(obs)) obs.kill('SIGKILL');
      },
      async restart() {
        if (stopped) throw new Error('OBS harness already stopped');
        await terminate(obs);
        try {
          await launch(display);
        } catch (error) {
          stopped = true;
          await cleanup();
          throw error;
        }
      },
    };
  } catch (error) {
    stopped = true;
    await cleanup();
    throw error;
  }
}
